using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Fakes;

namespace FinOps.Tests.Unit.Scanning;

public sealed class RegionDiscoveryTests
{
    private static readonly RegionInfo[] Account =
    [
        new("us-east-1", OptInStatus.OptInNotRequired),
        new("eu-west-1", OptInStatus.OptInNotRequired),
        new("af-south-1", OptInStatus.OptedIn),
        new("me-south-1", OptInStatus.NotOptedIn),
    ];

    [Fact]
    public async Task Regions_are_reused_within_the_ttl_without_asking_the_catalogue_again()
    {
        using var harness = new ScanHarness(Account, o => o.RegionCacheTtlSeconds = 600);

        var first = await harness.Discovery.DiscoverAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(599));
        var second = await harness.Discovery.DiscoverAsync(CancellationToken.None);

        Assert.Equal(1, harness.Catalogue.Calls);
        Assert.Same(first, second);
        Assert.Equal<string>(["af-south-1", "eu-west-1", "us-east-1"], first.EnabledRegions);
    }

    [Fact]
    public async Task Regions_are_asked_again_once_the_ttl_has_passed()
    {
        using var harness = new ScanHarness(Account, o => o.RegionCacheTtlSeconds = 600);
        await harness.Discovery.DiscoverAsync(CancellationToken.None);
        harness.Catalogue.Regions = [.. Account.Take(2)];

        harness.Time.Advance(TimeSpan.FromSeconds(600));
        var refreshed = await harness.Discovery.DiscoverAsync(CancellationToken.None);

        Assert.Equal(2, harness.Catalogue.Calls);
        Assert.Equal<string>(["eu-west-1", "us-east-1"], refreshed.EnabledRegions);
        Assert.Equal(harness.Time.GetUtcNow(), refreshed.DiscoveredAt);
    }

    [Fact]
    public async Task Invalidate_makes_the_next_call_ask_the_catalogue()
    {
        using var harness = new ScanHarness(Account);
        await harness.Discovery.DiscoverAsync(CancellationToken.None);

        harness.Discovery.Invalidate();
        await harness.Discovery.DiscoverAsync(CancellationToken.None);

        Assert.Equal(2, harness.Catalogue.Calls);
    }

    [Fact]
    public async Task A_zero_ttl_never_caches()
    {
        using var harness = new ScanHarness(Account, o => o.RegionCacheTtlSeconds = 0);

        await harness.Discovery.DiscoverAsync(CancellationToken.None);
        await harness.Discovery.DiscoverAsync(CancellationToken.None);

        Assert.Equal(2, harness.Catalogue.Calls);
    }

    [Fact]
    public async Task Failure_falls_back_to_the_default_region_with_the_reason_and_is_not_cached()
    {
        using var harness = new ScanHarness(Account, o => o.DefaultRegion = "eu-west-1");
        harness.Catalogue.Failure = new ResourceSourceException(SourceFailureKind.AccessDenied, "ec2:DescribeRegions was denied");

        var fallback = await harness.Discovery.DiscoverAsync(CancellationToken.None);

        Assert.True(fallback.FellBack);
        Assert.Equal("ec2:DescribeRegions was denied", fallback.FallbackReason);
        Assert.Equal<string>(["eu-west-1"], fallback.EnabledRegions);

        harness.Catalogue.Failure = null;
        var recovered = await harness.Discovery.DiscoverAsync(CancellationToken.None);
        Assert.False(recovered.FellBack);
        Assert.Equal(3, recovered.EnabledRegions.Length);
    }

    [Fact]
    public async Task Cancellation_is_not_mistaken_for_a_failure()
    {
        using var harness = new ScanHarness(Account);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Discovery.DiscoverAsync(cancelled.Token));
    }

    [Fact]
    public async Task Regions_outside_AllowedRegions_are_skipped_like_disabled_ones()
    {
        using var harness = new ScanHarness(Account, o => o.AllowedRegions = ["us-east-1", "af-south-1", "me-south-1"]);

        var targets = await harness.Discovery.GetTargetsAsync(CancellationToken.None);

        Assert.Equal<string>(["af-south-1", "us-east-1"], targets.Scannable);
        Assert.Equal<string>(["eu-west-1", "me-south-1"], targets.Skipped);
        var euWest = targets.Regions.Single(r => r.Name == "eu-west-1");
        Assert.True(euWest.IsEnabled);
        Assert.False(euWest.IsAllowed);
        Assert.False(euWest.IsScanned);
        Assert.True(targets.Regions.Single(r => r.Name == "us-east-1").IsDefault);
    }

    [Fact]
    public async Task Disabled_multi_region_mode_targets_only_the_default_region_without_asking_the_catalogue()
    {
        using var harness = new ScanHarness(Account, o =>
        {
            o.MultiRegionEnabled = false;
            o.DefaultRegion = "eu-west-1";
        });

        var targets = await harness.Discovery.GetTargetsAsync(CancellationToken.None);

        Assert.Equal<string>(["eu-west-1"], targets.Scannable);
        Assert.Empty(targets.Skipped);
        Assert.False(targets.MultiRegionEnabled);
        Assert.Equal(0, harness.Catalogue.Calls);
    }
}
