using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Fakes;

namespace FinOps.Tests.Unit.Scanning;

public sealed class ComplianceServiceTests
{
    /// <summary>One compliant instance in eu-west-1, one non-compliant in us-east-1.</summary>
    private static ScanHarness TwoRegions(Action<ScanOptions>? configure = null)
    {
        var harness = ScanHarness.WithInstances(["eu-west-1", "us-east-1"], 0, configure);
        harness.Inventory.Add(
            TestResources.Regional("ec2:instance", "eu-west-1", 1),
            TestResources.Regional("ec2:instance", "us-east-1", 1, compliant: false));
        return harness;
    }

    private static int Listings(ScanHarness harness) => harness.Inventory.Calls.Values.Sum();

    [Fact]
    public async Task A_repeated_question_is_answered_from_the_account_state_as_the_same_view()
    {
        using var harness = TwoRegions();

        var first = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        var listings = Listings(harness);
        var second = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(listings, Listings(harness));
    }

    [Fact]
    public async Task ForceRefresh_scans_again_and_the_state_shows_the_new_scan()
    {
        using var harness = TwoRegions();
        var first = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        var refreshed = await harness.Service.GetResultAsync(ScanRequest.Default with { ForceRefresh = true }, CancellationToken.None);
        var afterwards = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.NotSame(first, refreshed);
        Assert.NotEqual(first.ScanId, refreshed.ScanId);
        Assert.Same(refreshed, afterwards);
    }

    [Fact]
    public async Task State_older_than_ResultCacheTtlSeconds_is_refreshed_by_the_next_question()
    {
        using var harness = TwoRegions(o => o.ResultCacheTtlSeconds = 60);
        var first = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromSeconds(59));
        var fresh = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        var refreshed = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.Same(first, fresh);
        Assert.NotEqual(first.ScanId, refreshed.ScanId);
    }

    [Fact]
    public async Task A_one_region_rescan_refreshes_that_region_and_the_others_keep_their_own_as_of()
    {
        using var harness = TwoRegions();
        var first = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        harness.Inventory.Add(TestResources.Regional("ec2:instance", "eu-west-1", 7, compliant: false));

        var narrow = await harness.Service.GetResultAsync(ScanHarness.Request(regions: ["eu-west-1"], forceRefresh: true), CancellationToken.None);
        var whole = harness.Service.LatestResult!;

        Assert.Equal(["eu-west-1"], narrow.Regions.Select(r => r.Region));
        Assert.Equal(first.Regions.Select(r => r.Region), whole.Regions.Select(r => r.Region));
        Assert.Equal(2, whole.Region("eu-west-1")!.Summary.TotalResources);
        Assert.Equal(first.Region("us-east-1")!.Summary, whole.Region("us-east-1")!.Summary);
        Assert.Equal(first.AsOf, whole.Region("us-east-1")!.DataAsOf);
        Assert.Equal(harness.Time.GetUtcNow(), whole.Region("eu-west-1")!.DataAsOf);
        Assert.Equal(first.AsOf, whole.OldestDataAsOf);
        Assert.Equal(narrow.Region("eu-west-1"), whole.Region("eu-west-1"));
    }

    [Fact]
    public async Task A_region_that_fails_keeps_its_previous_figures_marked_stale_with_the_reason()
    {
        using var harness = TwoRegions();
        var first = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        harness.Inventory.Fail("us-east-1");

        var after = await harness.Service.GetResultAsync(ScanRequest.Default with { ForceRefresh = true }, CancellationToken.None);
        var row = after.Region("us-east-1")!;

        Assert.Equal(RegionScanStatus.Failed, row.Status);
        Assert.True(row.IsStale);
        Assert.True(row.IsMeasured);
        Assert.Equal(first.Region("us-east-1")!.Summary, row.Summary);
        Assert.Equal(first.AsOf, row.DataAsOf);
        Assert.Equal(DataQualityStatus.Partial, after.DataQuality.Status);
        Assert.Contains(after.DataQuality.Notes, n => n.Contains("us-east-1", StringComparison.Ordinal) && n.Contains("stale", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_region_no_scan_has_listed_has_no_score_and_is_never_nothing_in_scope()
    {
        using var harness = TwoRegions();
        harness.Inventory.Fail("us-east-1");

        var result = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        var row = result.Region("us-east-1")!;

        Assert.False(row.IsMeasured);
        Assert.Null(row.Score);
        Assert.Null(row.ScorePercent);
        Assert.Null(row.GapCents);
        Assert.False(row.NothingInScope);
        Assert.StartsWith("not scanned", row.FreshnessText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_concurrent_identical_requests_run_one_scan()
    {
        using var harness = TwoRegions();
        var (held, release) = harness.Inventory.Hold("eu-west-1");

        var first = harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        await held.Entered;
        var second = harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        release();

        Assert.Same(await first, await second);
        Assert.Equal(1, harness.Inventory.Calls[("eu-west-1", "ec2:instance")]);
        Assert.Single(harness.Service.ListJobs());
    }

    [Fact]
    public async Task A_started_scan_and_a_request_for_the_same_result_share_one_job()
    {
        using var harness = TwoRegions();
        var (held, release) = harness.Inventory.Hold("eu-west-1");

        var job = await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        await held.Entered;
        var again = await harness.Service.StartScanAsync(ScanRequest.Default with { ForceRefresh = true }, CancellationToken.None);
        var result = harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        release();

        Assert.Same(job, again);
        await job.Completion;
        Assert.Equal(job.Id, (await result).ScanId);
        Assert.Equal(1, harness.Inventory.Calls[("eu-west-1", "ec2:instance")]);
    }

    [Fact]
    public async Task A_finished_job_is_applied_to_the_state_every_door_reads()
    {
        using var harness = TwoRegions();

        var job = await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        var scanned = await job.Completion;
        var listings = Listings(harness);
        var served = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.Equal(scanned.Summary, served.Summary);
        Assert.Equal(scanned.Costs, served.Costs);
        Assert.Equal(listings, Listings(harness));
        Assert.Same(served, harness.Service.LatestResult);
        Assert.Same(scanned, harness.Service.FindResult(job.Id));
    }

    [Fact]
    public async Task A_policy_change_rejudges_the_state_at_once_without_a_scan()
    {
        using var harness = TwoRegions();
        var before = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        var listings = Listings(harness);
        var relaxed = ScanHarness.PolicyJson.Replace("\"CC-200\"", "\"CC-200\", \"CC-999\"", StringComparison.Ordinal);

        await harness.Policies.SaveAsync(relaxed, "test", CancellationToken.None);
        var after = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.Equal(0.5, before.Summary.Score);
        Assert.Equal(1.0, after.Summary.Score);
        Assert.NotEqual(before.PolicyHash, after.PolicyHash);
        Assert.Equal(listings, Listings(harness));
        Assert.Same(after, harness.Service.LatestResult);
    }

    [Fact]
    public async Task InvalidateAsync_makes_the_next_question_scan_again_and_the_region_list_reload()
    {
        using var harness = TwoRegions();
        var before = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        await harness.Service.InvalidateAsync(CancellationToken.None);
        Assert.Equal(before.Summary, harness.Service.LatestResult!.Summary);
        var after = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.NotEqual(before.ScanId, after.ScanId);
        Assert.Equal(2, harness.Catalogue.Calls);
    }

    [Fact]
    public async Task When_the_only_caller_gives_up_its_scan_is_cancelled()
    {
        using var harness = TwoRegions();
        var stall = harness.Inventory.With("eu-west-1", new StallingFault());
        using var cancellation = new CancellationTokenSource();

        var request = harness.Service.GetResultAsync(ScanRequest.Default, cancellation.Token);
        await stall.Stalled;
        var job = Assert.Single(harness.Service.ListJobs());
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion);
        Assert.Equal(ScanJobStatus.Cancelled, job.Current.Status);
    }

    [Fact]
    public async Task A_started_scan_keeps_running_when_a_caller_waiting_for_it_gives_up()
    {
        using var harness = TwoRegions();
        var (held, release) = harness.Inventory.Hold("eu-west-1");
        using var cancellation = new CancellationTokenSource();

        var job = await harness.Service.StartScanAsync(ScanRequest.Default with { ForceRefresh = true }, CancellationToken.None);
        await held.Entered;
        var impatient = harness.Service.GetResultAsync(ScanRequest.Default with { ForceRefresh = true }, cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        release();

        var result = await job.Completion;
        Assert.Equal(ScanJobStatus.Succeeded, job.Current.Status);
        Assert.Equal(2, result.RegionMetadata.SuccessfulRegions.Length);
    }

    [Fact]
    public async Task Invalid_requests_fail_before_any_scan_starts()
    {
        using var harness = TwoRegions();

        await Assert.ThrowsAsync<InvalidRegionException>(
            () => harness.Service.StartScanAsync(ScanHarness.Request(regions: ["ap-nowhere-1"]), CancellationToken.None));
        await Assert.ThrowsAsync<FinOps.Domain.Resources.UnknownResourceTypeException>(
            () => harness.Service.GetResultAsync(ScanHarness.Request(["nope"]), CancellationToken.None));

        Assert.Empty(harness.Service.ListJobs());
        Assert.Equal(0, Listings(harness));
    }

    [Fact]
    public async Task ListRegionsAsync_returns_every_region_with_its_status_and_the_default_region()
    {
        using var harness = new ScanHarness(
            [new RegionInfo("us-east-1", OptInStatus.OptInNotRequired), new RegionInfo("me-south-1", OptInStatus.NotOptedIn)],
            o => o.DefaultRegion = "us-east-1");

        var regions = await harness.Service.ListRegionsAsync(CancellationToken.None);

        Assert.Equal("us-east-1", regions.DefaultRegion);
        Assert.Equal(
            [new AccountRegion("me-south-1", OptInStatus.NotOptedIn, false, true, false), new AccountRegion("us-east-1", OptInStatus.OptInNotRequired, true, true, true)],
            regions.Regions.AsEnumerable());
    }
}
