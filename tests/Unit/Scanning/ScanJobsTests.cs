using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinOps.Tests.Unit.Scanning;

public sealed class ScanJobsTests
{
    private static ScanHarness ThreeRegions(Action<ScanOptions>? configure = null) =>
        ScanHarness.WithInstances(["eu-west-1", "us-east-1", "us-west-2"], 4, configure, compliant: i => i != 0);

    private static ScanProgressEvent Page(string region, int resources) =>
        new(ScanProgressKind.PageFetched, region, "ec2:instance", resources, 0, 0, 0, null, null, 10, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_job_shows_each_region_live_and_ends_with_the_result()
    {
        using var harness = ThreeRegions(o => o.MaxConcurrentRegions = 1);
        var (held, release) = harness.Inventory.Hold("us-east-1");
        harness.Inventory.Throttle("us-east-1", 1);
        harness.Inventory.Fail("us-west-2", SourceFailureKind.AccessDenied, message: "ec2:DescribeInstances was denied");

        var job = await harness.Service.StartScanAsync(ScanHarness.Request(["ec2:instance", "iam:role"]), CancellationToken.None);
        await held.Entered;
        var live = job.Current;

        Assert.Equal(ScanJobStatus.Running, live.Status);
        Assert.Equal<string>(["eu-west-1", "us-east-1", "us-west-2", "global"], live.Regions.Select(r => r.Region));
        Assert.Equal(RegionScanStatus.Succeeded, live.Regions[0].Status);
        Assert.Equal(4, live.Regions[0].Resources);
        Assert.Equal(1, live.Regions[0].Violations);
        Assert.Equal(RegionScanStatus.Running, live.Regions[1].Status);
        Assert.Equal(RegionScanStatus.Queued, live.Regions[2].Status);
        Assert.InRange(live.Percent, 1, 99);

        release();
        var result = await job.Completion;
        var final = job.Current;

        Assert.Equal(ScanJobStatus.Succeeded, final.Status);
        Assert.Same(result, final.Result);
        Assert.Equal(100, final.Percent);
        Assert.Equal(1, final.Regions[1].Retries);
        Assert.Equal(RegionScanStatus.Failed, final.Regions[2].Status);
        Assert.Equal("ec2:instance: ec2:DescribeInstances was denied", final.Regions[2].Reason);
        Assert.Equal(0, final.Regions[2].Resources);
        Assert.Equal(8, final.Resources);
        Assert.True(final.IsFinished);
    }

    [Fact]
    public async Task Buckets_count_in_their_home_region_while_the_scan_runs_and_the_final_rows_equal_the_result()
    {
        using var harness = ThreeRegions();
        harness.Inventory.Add(
            TestResources.Bucket("logs", "eu-west-1"),
            TestResources.Bucket("site", "eu-west-1", compliant: false),
            TestResources.Bucket("dump", "us-west-2"),
            TestResources.Role("deployer"));
        var (held, release) = harness.Inventory.Hold("us-east-1");

        var job = await harness.Service.StartScanAsync(ScanHarness.Request(["ec2:instance", "s3:bucket", "iam:role"]), CancellationToken.None);
        await held.Entered;
        // The global listing is not held; its rows are read from the job's current state once it has finished.
        await UntilAsync(() => job.Current.Regions.Single(r => r.Region == "global").Status == RegionScanStatus.Succeeded);
        var live = job.Current.Regions.ToDictionary(r => r.Region);

        Assert.Equal(4 + 2, live["eu-west-1"].Resources);
        Assert.Equal(1 + 1, live["eu-west-1"].Violations);
        Assert.Equal(1, live["global"].Resources);

        release();
        var result = await job.Completion;
        var final = job.Current;

        foreach (var row in final.Regions)
        {
            Assert.Equal(result.Region(row.Region)!.Summary.TotalResources, row.Resources);
            Assert.Equal(result.Region(row.Region)!.Summary.Violations, row.Violations);
        }

        Assert.Equal(result.Summary.TotalResources, final.Resources);
        Assert.Equal(result.Summary.Violations, final.Violations);
    }

    /// <summary>Yields to the scan's threads until its state satisfies the condition (bounded, never a fixed wait).</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the job never reached the expected state");
            await Task.Delay(1);
        }
    }

    [Fact]
    public async Task Starting_an_identical_request_while_it_runs_returns_the_running_job()
    {
        using var harness = ThreeRegions();
        var (held, release) = harness.Inventory.Hold("eu-west-1");

        var first = await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        await held.Entered;
        var second = await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        var other = await harness.Service.StartScanAsync(ScanHarness.Request(regions: ["us-east-1"]), CancellationToken.None);
        release();
        await Task.WhenAll(first.Completion, other.Completion);

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        var third = await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        Assert.NotSame(first, third);
        await third.Completion;
    }

    [Fact]
    public async Task Cancel_ends_the_job_as_cancelled_with_its_unfinished_regions_cancelled()
    {
        using var harness = ThreeRegions(o => o.MaxConcurrentRegions = 1);
        var stall = harness.Inventory.With("us-east-1", new StallingFault());

        var job = await harness.Service.StartScanAsync(ScanHarness.Request(["ec2:instance"]), CancellationToken.None);
        await stall.Stalled;
        job.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion);
        var final = job.Current;
        Assert.Equal(ScanJobStatus.Cancelled, final.Status);
        Assert.Equal<RegionScanStatus>(
            [RegionScanStatus.Succeeded, RegionScanStatus.Cancelled, RegionScanStatus.Cancelled],
            final.Regions.Select(r => r.Status));
        Assert.Null(harness.Service.LatestResult);
    }

    [Fact]
    public async Task Every_subscriber_sees_the_same_state_and_a_late_one_gets_the_current_state_at_once()
    {
        using var harness = ThreeRegions();
        var (held, release) = harness.Inventory.Hold("us-west-2");
        var (globalHeld, releaseGlobal) = harness.Inventory.Hold("global");
        var job = await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        await held.Entered;
        await globalHeld.Entered;

        var firstTab = new List<ScanJobSnapshot>();
        var secondTab = new List<ScanJobSnapshot>();
        using var first = job.Subscribe(s => { lock (firstTab) { firstTab.Add(s); } });
        var watching = CollectAsync(job);
        using var second = job.Subscribe(s => { lock (secondTab) { secondTab.Add(s); } });
        Assert.NotEmpty(secondTab);
        Assert.Equal<RegionProgress>(job.Current.Regions, secondTab[^1].Regions);

        release();
        releaseGlobal();
        await job.Completion;
        var watched = await watching;

        Assert.True(firstTab[^1].IsFinished);
        Assert.Same(firstTab[^1], secondTab[^1]);
        Assert.Same(firstTab[^1], watched[^1]);
        Assert.Equal(ScanJobStatus.Succeeded, watched[^1].Status);

        static async Task<List<ScanJobSnapshot>> CollectAsync(ScanJob job)
        {
            var seen = new List<ScanJobSnapshot>();
            await foreach (var snapshot in job.WatchAsync())
            {
                seen.Add(snapshot);
            }

            return seen;
        }
    }

    [Fact]
    public async Task Updates_are_coalesced_to_about_ten_per_second_and_the_final_state_is_always_delivered()
    {
        using var harness = ThreeRegions();
        var plan = await harness.Planner.PlanAsync(ScanHarness.Request(["ec2:instance"]), CancellationToken.None);
        var job = new ScanJob("job-1", plan, background: true, harness.Time, NullLogger.Instance);
        var delivered = new List<(DateTimeOffset At, ScanJobSnapshot Snapshot)>();
        using var subscription = job.Subscribe(s => delivered.Add((harness.Time.GetUtcNow(), s)));

        // A burst of a thousand pages at one instant: the first goes out at once, the rest wait for the interval.
        for (var i = 1; i <= 1000; i++)
        {
            job.Progress.Report(Page("us-east-1", i));
        }

        Assert.Equal(2, delivered.Count);
        harness.Time.Advance(ScanJob.MinimumUpdateInterval);
        Assert.Equal(3, delivered.Count);
        Assert.Equal(1000, delivered[^1].Snapshot.Resources);

        // Ten seconds of a page every millisecond.
        for (var ms = 0; ms < 10_000; ms++)
        {
            job.Progress.Report(Page("eu-west-1", ms));
            harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        var duringBurst = delivered.Count - 3;
        Assert.InRange(duringBurst, 95, 101);
        for (var i = 3; i < delivered.Count; i++)
        {
            Assert.True(delivered[i].At - delivered[i - 1].At >= ScanJob.MinimumUpdateInterval);
            Assert.True(delivered[i].Snapshot.Version > delivered[i - 1].Snapshot.Version);
        }

        // The final state goes out at once, even right after an update, and nothing follows it.
        job.Progress.Report(Page("eu-west-1", 123_456));
        job.MarkCancelled();
        var final = delivered[^1].Snapshot;
        Assert.True(final.IsFinished);
        Assert.Equal(123_456, final.Regions.Single(r => r.Region == "eu-west-1").Resources);
        var count = delivered.Count;
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        job.Progress.Report(Page("eu-west-1", 1));
        Assert.Equal(count, delivered.Count);
    }

    [Fact]
    public async Task Finished_jobs_are_evicted_after_the_retention_time_but_the_newest_stays()
    {
        using var harness = ThreeRegions(o => o.FinishedJobRetentionMinutes = 30);
        var job = await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        await job.Completion;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var newest = await harness.Service.StartScanAsync(ScanHarness.Request(regions: ["eu-west-1"]), CancellationToken.None);
        await newest.Completion;

        harness.Time.Advance(TimeSpan.FromMinutes(29) - TimeSpan.FromSeconds(1));
        Assert.Same(job, harness.Service.GetJob(job.Id));
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(harness.Service.GetJob(job.Id));
        harness.Time.Advance(TimeSpan.FromDays(1));
        Assert.Same(newest, Assert.Single(harness.Service.ListJobs()));
    }

    [Fact]
    public async Task Running_jobs_are_never_evicted()
    {
        using var harness = ThreeRegions(o => o.FinishedJobRetentionMinutes = 1);
        var (held, release) = harness.Inventory.Hold("eu-west-1");
        var job = await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        await held.Entered;

        harness.Time.Advance(TimeSpan.FromHours(2));

        Assert.Same(job, harness.Service.GetJob(job.Id));
        release();
        await job.Completion;
    }

    [Fact]
    public async Task LatestResult_is_the_account_state_including_the_most_recent_scan_of_any_request()
    {
        using var harness = ThreeRegions();

        var all = await (await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None)).Completion;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var one = await (await harness.Service.StartScanAsync(ScanHarness.Request(regions: ["eu-west-1"]), CancellationToken.None)).Completion;

        Assert.Equal(one.ScanId, harness.Service.LatestResult!.ScanId);
        Assert.Equal(all.Regions.Select(r => r.Region), harness.Service.LatestResult.Regions.Select(r => r.Region));
        Assert.Same(all, harness.Service.FindResult(all.ScanId));
        Assert.Null(harness.Service.FindResult("no-such-scan"));
    }
}
