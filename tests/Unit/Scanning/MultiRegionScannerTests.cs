using FinOps.Domain.Costs;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Fakes;

namespace FinOps.Tests.Unit.Scanning;

public sealed class MultiRegionScannerTests
{
    private static readonly ScanRequest Instances = ScanHarness.Request(["ec2:instance"]);

    private static ScanHarness ThreeRegions(Action<ScanOptions>? configure = null, Func<double>? jitter = null) =>
        ScanHarness.WithInstances(["eu-west-1", "us-east-1", "us-west-2"], 5, configure, jitter, i => i % 2 == 0);

    [Fact]
    public async Task Start_observers_are_told_of_every_scan_before_anything_is_listed()
    {
        using var harness = ThreeRegions();
        var observer = new CountingObserver(harness.Inventory);
        harness.StartObservers.Add(observer);

        await harness.ScanAsync(Instances);
        await harness.ScanAsync(Instances);

        Assert.Equal(2, observer.ScanIds.Count);
        Assert.Equal(0, observer.ListingCallsSeenFirst);
        Assert.Equal(3, observer.ListingCallsSeenLast);
    }

    private sealed class CountingObserver(FakeInventory inventory) : IScanStartObserver
    {
        public List<string> ScanIds { get; } = [];
        public int ListingCallsSeenFirst { get; private set; } = -1;
        public int ListingCallsSeenLast { get; private set; } = -1;

        public Task ScanStartingAsync(string scanId, CancellationToken cancellationToken)
        {
            var calls = inventory.Calls.Values.Sum();
            if (ScanIds.Count == 0)
            {
                ListingCallsSeenFirst = calls;
            }

            ListingCallsSeenLast = calls;
            ScanIds.Add(scanId);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Throttled_listing_is_retried_and_the_region_succeeds_with_its_retries_counted()
    {
        using var harness = ThreeRegions();
        harness.Inventory.Throttle("us-east-1", times: 2);
        var progress = new RecordingProgress();

        var result = await harness.ScanAsync(Instances, progress);

        Assert.Equal(3, harness.Inventory.Calls[("us-east-1", "ec2:instance")]);
        Assert.Equal(2, result.Outcome.Regions.Single(r => r.Region == "us-east-1").Retries);
        Assert.Equal(15, result.Summary.TotalResources);
        Assert.Equal(DataQualityStatus.Complete, result.DataQuality.Status);
        var retries = progress.Events.Where(e => e.Kind == ScanProgressKind.Retrying).ToList();
        Assert.Equal<int>([1, 2], retries.Select(e => e.Attempt));
        Assert.All(retries, e => Assert.Equal(("us-east-1", "ec2:instance"), (e.Region, e.ResourceType)));
        Assert.All(retries, e => Assert.Contains("Rate exceeded", e.Reason));
    }

    [Theory]
    [InlineData(SourceFailureKind.AccessDenied)]
    [InlineData(SourceFailureKind.OptInRequired)]
    [InlineData(SourceFailureKind.Permanent)]
    public async Task Non_transient_failures_are_not_retried(SourceFailureKind kind)
    {
        using var harness = ThreeRegions();
        harness.Inventory.With("us-east-1", new FailingFault(kind, "You are not authorized to perform this operation.",
            MissingPermission: "ec2:DescribeInstances"));

        var result = await harness.ScanAsync(Instances);

        Assert.Equal(1, harness.Inventory.Calls[("us-east-1", "ec2:instance")]);
        var failure = Assert.Single(result.RegionMetadata.FailedRegions);
        Assert.Equal("us-east-1", failure.Region);
        Assert.Equal("ec2:instance: You are not authorized to perform this operation. (missing permission ec2:DescribeInstances)", failure.Reason);
        Assert.Equal(0, result.Outcome.Regions.Single(r => r.Region == "us-east-1").Retries);
    }

    [Fact]
    public async Task A_transient_failure_that_outlasts_the_retries_fails_the_region_after_MaxRetries()
    {
        using var harness = ThreeRegions(o => o.MaxRetries = 2);
        harness.Inventory.Throttle("us-east-1", times: int.MaxValue);

        var result = await harness.ScanAsync(Instances);

        Assert.Equal(3, harness.Inventory.Calls[("us-east-1", "ec2:instance")]);
        var failure = Assert.Single(result.RegionMetadata.FailedRegions);
        Assert.Equal("ec2:instance: Rate exceeded (ThrottlingException) (still failing after 2 retries)", failure.Reason);
    }

    [Fact]
    public async Task A_listing_retried_half_way_counts_only_the_attempt_that_succeeded()
    {
        using var harness = ThreeRegions();
        harness.Inventory.PageSize = 2;
        harness.Inventory.With("us-east-1", new MidListingFault(Times: 1));
        var progress = new RecordingProgress();

        var result = await harness.ScanAsync(Instances, progress);

        var usEast = progress.Events.Where(e => e.Region == "us-east-1" && e.Kind is ScanProgressKind.PageFetched or ScanProgressKind.Retrying)
            .Select(e => (e.Kind, e.RegionResources)).ToList();
        Assert.Equal(
            [(ScanProgressKind.PageFetched, 2), (ScanProgressKind.Retrying, 0), (ScanProgressKind.PageFetched, 2),
             (ScanProgressKind.PageFetched, 4), (ScanProgressKind.PageFetched, 5)],
            usEast);
        Assert.Equal(5, result.Outcome.Regions.Single(r => r.Region == "us-east-1").ResourceCount);
        Assert.Equal(15, result.Summary.TotalResources);
    }

    [Fact]
    public async Task Timeouts_and_network_errors_are_retried()
    {
        using var harness = ThreeRegions();
        harness.Inventory.With("us-east-1", new ThrowingFault(() => new TimeoutException("read timed out"), Times: 1));
        harness.Inventory.With("eu-west-1", new ThrowingFault(() => new HttpRequestException("connection reset"), Times: 1));

        var result = await harness.ScanAsync(Instances);

        Assert.Equal(2, harness.Inventory.Calls[("us-east-1", "ec2:instance")]);
        Assert.Equal(2, harness.Inventory.Calls[("eu-west-1", "ec2:instance")]);
        Assert.Empty(result.RegionMetadata.FailedRegions);
    }

    [Fact]
    public async Task Unexpected_errors_are_not_retried()
    {
        using var harness = ThreeRegions();
        harness.Inventory.With("us-east-1", new ThrowingFault(() => new InvalidOperationException("bad page token")));

        var result = await harness.ScanAsync(Instances);

        Assert.Equal(1, harness.Inventory.Calls[("us-east-1", "ec2:instance")]);
        Assert.Equal("ec2:instance: " + FailureText.Unexpected, Assert.Single(result.RegionMetadata.FailedRegions).Reason);
    }

    [Fact]
    public async Task What_an_unexpected_exception_says_stays_in_the_log_and_never_reaches_the_result()
    {
        const string secret = "token=s3cr3t at /srv/finops/App_Data/keys";
        using var harness = ThreeRegions();
        harness.Inventory.With("us-east-1", new ThrowingFault(() => new InvalidOperationException(secret)));
        harness.Costs.Failure = new InvalidOperationException(secret);

        var result = await harness.ScanAsync(Instances);

        var shown = string.Join("\n", result.RegionMetadata.FailedRegions.Select(f => f.Reason)
            .Concat(result.DataQuality.Notes).Concat(result.Regions.Select(r => r.FailureReason ?? "")));
        Assert.DoesNotContain("s3cr3t", shown);
        Assert.DoesNotContain("/srv/", shown);
        Assert.Contains(FailureText.Unexpected, shown);
    }

    [Fact]
    public async Task A_retry_waits_for_its_backoff_on_the_clock()
    {
        using var harness = ThreeRegions(o => o.RetryBaseDelayMilliseconds = 200, jitter: () => 1.0);
        harness.Inventory.Throttle("us-east-1", times: 2);
        var progress = new RecordingProgress();

        var scan = harness.ScanAsync(Instances, progress);
        var first = await progress.WaitFor(e => e.Kind == ScanProgressKind.Retrying);
        Assert.Equal(TimeSpan.FromMilliseconds(200), first.RetryDelay);
        harness.Time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.Equal(1, harness.Inventory.Calls[("us-east-1", "ec2:instance")]);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));

        var second = await progress.WaitFor(e => e.Kind == ScanProgressKind.Retrying && e.Attempt == 2);
        Assert.Equal(TimeSpan.FromMilliseconds(400), second.RetryDelay);
        Assert.False(scan.IsCompleted);
        harness.Time.Advance(TimeSpan.FromMilliseconds(400));

        var result = await scan;
        Assert.Equal(3, harness.Inventory.Calls[("us-east-1", "ec2:instance")]);
        Assert.Empty(result.RegionMetadata.FailedRegions);
    }

    [Fact]
    public async Task A_slow_region_times_out_while_the_others_finish()
    {
        using var harness = ThreeRegions(o => o.RegionScanTimeoutSeconds = 5);
        var stall = harness.Inventory.With("us-west-2", new StallingFault());
        var progress = new RecordingProgress();

        var scan = harness.ScanAsync(Instances, progress);
        await stall.Stalled;
        await progress.WaitFor(e => e.Kind == ScanProgressKind.RegionSucceeded && e.Region == "eu-west-1");
        await progress.WaitFor(e => e.Kind == ScanProgressKind.RegionSucceeded && e.Region == "us-east-1");
        Assert.False(scan.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await scan;

        Assert.Equal<string>(["eu-west-1", "us-east-1"], result.RegionMetadata.SuccessfulRegions);
        var failure = Assert.Single(result.RegionMetadata.FailedRegions);
        Assert.Equal(new RegionFailure("us-west-2", "timed out after 5 s (retries included)"), failure);
        Assert.Equal(10, result.Summary.TotalResources);
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
        Assert.Contains(result.DataQuality.Notes, n => n.Contains("us-west-2") && n.Contains("timed out"));
    }

    [Fact]
    public async Task The_region_timeout_includes_the_retries()
    {
        using var harness = ThreeRegions(o =>
        {
            o.RegionScanTimeoutSeconds = 5;
            o.RetryBaseDelayMilliseconds = 4000;
        }, jitter: () => 1.0);
        harness.Inventory.Throttle("us-east-1", times: 3);
        var progress = new RecordingProgress();

        var scan = harness.ScanAsync(Instances, progress);
        await progress.WaitFor(e => e.Kind == ScanProgressKind.Retrying && e.Region == "us-east-1");
        harness.Time.Advance(TimeSpan.FromSeconds(4));
        await progress.WaitFor(e => e.Kind == ScanProgressKind.Retrying && e.Attempt == 2);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await scan;

        Assert.Equal("us-east-1", Assert.Single(result.RegionMetadata.FailedRegions).Region);
        Assert.Equal(2, harness.Inventory.Calls[("us-east-1", "ec2:instance")]);
    }

    [Fact]
    public async Task Cancellation_stops_every_region_promptly_and_reaches_the_caller()
    {
        using var harness = ThreeRegions(o => o.MaxConcurrentRegions = 2);
        var stall = harness.Inventory.With("eu-west-1", new StallingFault());
        harness.Inventory.With("us-east-1", new StallingFault());
        var progress = new RecordingProgress();
        using var cancellation = new CancellationTokenSource();

        var scan = harness.ScanAsync(Instances, progress, cancellation.Token);
        await stall.Stalled;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scan);
        var cancelled = progress.Events.Where(e => e.Kind == ScanProgressKind.RegionCancelled).Select(e => e.Region).Order();
        Assert.Equal<string>(["eu-west-1", "us-east-1", "us-west-2"], cancelled);
        Assert.Equal(0, harness.Inventory.CallsIn("us-west-2"));
    }

    [Fact]
    public async Task Regions_run_at_most_MaxConcurrentRegions_at_once()
    {
        using var harness = ThreeRegions(o => o.MaxConcurrentRegions = 2);
        var (first, releaseFirst) = harness.Inventory.Hold("eu-west-1");
        var (second, releaseSecond) = harness.Inventory.Hold("us-east-1");
        var progress = new RecordingProgress();

        var scan = harness.ScanAsync(Instances, progress);
        await Task.WhenAll(first.Entered, second.Entered);

        Assert.Equal<string>(["eu-west-1", "us-east-1"], progress.Events.Where(e => e.Kind == ScanProgressKind.RegionStarted).Select(e => e.Region).Order());
        Assert.Equal(0, harness.Inventory.CallsIn("us-west-2"));
        releaseFirst();
        releaseSecond();
        var result = await scan;
        Assert.Equal(3, result.RegionMetadata.SuccessfulRegions.Length);
    }

    [Fact]
    public async Task Types_in_a_region_run_in_parallel_up_to_MaxConcurrentTypesPerRegion()
    {
        using var harness = ThreeRegions(o => o.MaxConcurrentTypesPerRegion = 2);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var faults = TestResources.RegionalTypes.Select(t => harness.Inventory.With("us-east-1", new GatedFault(gate.Task, t))).ToList();

        var scan = harness.ScanAsync(ScanHarness.Request(TestResources.RegionalTypes));
        await Task.WhenAll(faults[0].Entered, faults[1].Entered);

        Assert.False(faults[2].Entered.IsCompleted);
        Assert.False(faults[3].Entered.IsCompleted);
        gate.SetResult();
        Assert.Empty((await scan).RegionMetadata.FailedRegions);
    }

    [Fact]
    public async Task One_failing_type_fails_its_region_and_drops_the_region_resources()
    {
        using var harness = ThreeRegions();
        harness.Inventory.Add(TestResources.Regional("rds:db", "us-east-1", 1));
        harness.Inventory.Fail("us-east-1", SourceFailureKind.AccessDenied, "rds:db", "rds:DescribeDBInstances denied");

        var result = await harness.ScanAsync(ScanHarness.Request(["ec2:instance", "rds:db"]));

        Assert.Equal("rds:db: rds:DescribeDBInstances denied", Assert.Single(result.RegionMetadata.FailedRegions).Reason);
        Assert.DoesNotContain(result.Resources, r => r.Region == "us-east-1");
        var row = result.Region("us-east-1")!;
        Assert.Equal(RegionScanStatus.Failed, row.Status);
        Assert.Equal(0, row.Summary.TotalResources);
    }

    [Fact]
    public async Task Progress_reports_every_step_with_counts_and_a_rising_percent()
    {
        using var harness = ThreeRegions(o => o.MaxConcurrentRegions = 1);
        harness.Inventory.PageSize = 2;
        harness.Inventory.Throttle("us-east-1", 1);
        var progress = new RecordingProgress();

        await harness.ScanAsync(Instances, progress);

        var events = progress.Events;
        Assert.Equal(3, events.Count(e => e.Kind == ScanProgressKind.RegionQueued));
        Assert.All(events.Take(3), e => Assert.Equal(ScanProgressKind.RegionQueued, e.Kind));
        var usEast = events.Where(e => e.Region == "us-east-1").Select(e => e.Kind).ToList();
        Assert.Equal<ScanProgressKind>(
            [ScanProgressKind.RegionQueued, ScanProgressKind.RegionStarted, ScanProgressKind.Retrying, ScanProgressKind.PageFetched,
             ScanProgressKind.PageFetched, ScanProgressKind.PageFetched, ScanProgressKind.TypeListed, ScanProgressKind.RegionSucceeded],
            usEast);
        Assert.Equal<int>([2, 4, 5], events.Where(e => e.Region == "us-east-1" && e.Kind == ScanProgressKind.PageFetched).Select(e => e.RegionResources));
        Assert.Equal(5, events.Last(e => e.Region == "us-east-1").RegionResources);
        var percents = events.Select(e => e.OverallPercent).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(100, percents[^1]);
    }

    [Fact]
    public async Task A_failing_cost_source_leaves_a_note_and_a_partial_result_instead_of_failing_the_scan()
    {
        using var harness = ThreeRegions();
        harness.Costs.Failure = new ResourceSourceException(SourceFailureKind.AccessDenied, "ce:GetCostAndUsage was denied");

        var result = await harness.ScanAsync(Instances);

        Assert.Equal(15, result.Summary.TotalResources);
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
        Assert.Contains(result.DataQuality.Notes, n => n.Contains("ce:GetCostAndUsage was denied") && n.Contains("October 2026"));
        Assert.Equal(0, result.Costs.TotalCents);
        Assert.All(result.Resources, r => Assert.Equal(CostProvenance.Unavailable, r.Cost.Provenance));
    }

    [Fact]
    public async Task A_hanging_cost_source_times_out_into_a_note_like_a_failing_one()
    {
        using var harness = ThreeRegions(o => o.RegionScanTimeoutSeconds = 5);
        harness.Costs.Hang = true;
        var progress = new RecordingProgress();

        var scan = harness.ScanAsync(Instances, progress);
        await harness.Costs.Asked;
        await Task.WhenAll(new[] { "eu-west-1", "us-east-1", "us-west-2" }
            .Select(r => progress.WaitFor(e => e.Kind == ScanProgressKind.RegionSucceeded && e.Region == r)));
        Assert.False(scan.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await scan;

        Assert.Equal(15, result.Summary.TotalResources);
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
        Assert.Contains(result.DataQuality.Notes, n => n.Contains("could not be fetched (timed out after 5 s)"));
    }

    [Fact]
    public async Task Costs_are_asked_for_the_last_complete_month_unblended_with_the_required_tag_keys()
    {
        using var harness = ThreeRegions();

        var result = await harness.ScanAsync(Instances);

        var query = Assert.Single(harness.Costs.Queries);
        Assert.Equal(BillingPeriod.Month(2026, 10), query.Period);
        Assert.Equal(CostMetric.Unblended, query.Metric);
        Assert.Equal<string>(["CostCenter"], query.UntaggedTagKeys);
        Assert.Equal(BillingPeriod.Month(2026, 10), result.CostPeriod);
    }

    [Fact]
    public async Task Discovery_fallback_scans_only_the_default_region_and_says_so()
    {
        using var harness = ThreeRegions(o => o.DefaultRegion = "eu-west-1");
        harness.Catalogue.Failure = new HttpRequestException("no route to host");

        var result = await harness.ScanAsync(Instances);

        Assert.True(result.RegionMetadata.DiscoveryFallback);
        Assert.Equal("no route to host", result.RegionMetadata.DiscoveryFallbackReason);
        Assert.Equal<string>(["eu-west-1"], result.RegionMetadata.SuccessfulRegions);
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
        Assert.Contains(result.DataQuality.Notes, n => n.Contains("Region discovery failed (no route to host)"));
    }

    [Fact]
    public async Task Global_types_are_a_separate_outcome_not_counted_as_a_region()
    {
        using var harness = ThreeRegions();
        harness.Inventory.Add(TestResources.Bucket("logs", "us-east-1"), TestResources.Role("admin", compliant: false));

        var result = await harness.ScanAsync(ScanHarness.Request(["ec2:instance", "s3:bucket", "iam:role"]));

        Assert.Equal(3, result.RegionMetadata.TotalRegions);
        Assert.Equal(RegionScanStatus.Succeeded, result.Outcome.Global!.Status);
        Assert.Equal("us-east-1", result.Find("arn:aws:s3:::logs")!.Region);
        Assert.Equal("global", result.Find($"arn:aws:iam::{TestResources.AccountId}:role/admin")!.Region);
        Assert.Equal(1, result.Region("global")!.Summary.TotalResources);
    }

    [Fact]
    public async Task A_failing_global_listing_makes_the_result_partial()
    {
        using var harness = ThreeRegions();
        harness.Inventory.Fail("global", SourceFailureKind.AccessDenied, "iam:role", "iam:ListRoles was denied");

        var result = await harness.ScanAsync(ScanHarness.Request(["ec2:instance", "iam:role"]));

        Assert.Equal(RegionScanStatus.Failed, result.Outcome.Global!.Status);
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
        Assert.Contains(result.DataQuality.Notes, n => n.Contains("iam:role: iam:ListRoles was denied"));
        Assert.Equal(3, result.RegionMetadata.SuccessfulRegions.Length);
    }
}
