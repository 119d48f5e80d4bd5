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
    public async Task A_repeated_request_is_served_from_the_cache_as_the_same_instance()
    {
        using var harness = TwoRegions();

        var first = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        var listings = Listings(harness);
        var second = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(listings, Listings(harness));
    }

    [Fact]
    public async Task ForceRefresh_scans_again_and_replaces_the_cached_result()
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
    public async Task A_cached_result_expires_after_ResultCacheTtlSeconds()
    {
        using var harness = TwoRegions(o => o.ResultCacheTtlSeconds = 60);
        var first = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromSeconds(59));
        var cached = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        var expired = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.Same(first, cached);
        Assert.NotSame(first, expired);
    }

    [Fact]
    public async Task Different_requests_are_cached_apart()
    {
        using var harness = TwoRegions();

        var all = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        var oneRegion = await harness.Service.GetResultAsync(ScanHarness.Request(regions: ["eu-west-1"]), CancellationToken.None);

        Assert.NotSame(all, oneRegion);
        Assert.Equal(2, all.RegionMetadata.TotalRegions);
        Assert.Equal(1, oneRegion.RegionMetadata.TotalRegions);
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
        Assert.Same(await job.Completion, await result);
        Assert.Equal(job.Id, (await result).ScanId);
        Assert.Equal(1, harness.Inventory.Calls[("eu-west-1", "ec2:instance")]);
    }

    [Fact]
    public async Task A_finished_job_puts_its_result_into_the_cache()
    {
        using var harness = TwoRegions();

        var job = await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        var scanned = await job.Completion;
        var listings = Listings(harness);
        var served = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.Same(scanned, served);
        Assert.Equal(listings, Listings(harness));
        Assert.Same(scanned, harness.Service.LatestResult);
        Assert.Same(scanned, harness.Service.FindResult(job.Id));
    }

    [Fact]
    public async Task A_policy_change_drops_cached_results_and_the_next_request_scans_with_the_new_policy()
    {
        using var harness = TwoRegions();
        var before = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);
        var relaxed = ScanHarness.PolicyJson.Replace("\"CC-200\"", "\"CC-200\", \"CC-999\"", StringComparison.Ordinal);

        await harness.Policies.SaveAsync(relaxed, "test", CancellationToken.None);
        var after = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.NotSame(before, after);
        Assert.NotEqual(before.CacheKey, after.CacheKey);
        Assert.Equal(0.5, before.Summary.Score);
        Assert.Equal(1.0, after.Summary.Score);

        // The old entry is gone too, not merely unreachable: the cache dropped every result on the change.
        var plan = await harness.Planner.PlanAsync(ScanRequest.Default, CancellationToken.None);
        var old = await harness.ResultCache.GetOrCreateAsync(before.CacheKey, 0, (_, _) => ValueTask.FromResult(after), CancellationToken.None);
        Assert.Same(after, old);
        Assert.Equal(after.CacheKey, plan.CacheKey);
    }

    [Fact]
    public async Task InvalidateAsync_drops_cached_results_and_the_region_list()
    {
        using var harness = TwoRegions();
        var before = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        await harness.Service.InvalidateAsync(CancellationToken.None);
        var after = await harness.Service.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.NotSame(before, after);
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
