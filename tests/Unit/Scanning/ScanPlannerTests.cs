using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Fakes;

namespace FinOps.Tests.Unit.Scanning;

public sealed class ScanPlannerTests
{
    private static readonly RegionInfo[] Account =
    [
        new("us-east-1", OptInStatus.OptInNotRequired),
        new("eu-west-1", OptInStatus.OptInNotRequired),
        new("me-south-1", OptInStatus.NotOptedIn),
    ];

    [Fact]
    public async Task Unknown_types_are_rejected_with_the_valid_types()
    {
        using var harness = new ScanHarness(Account);

        var error = await Assert.ThrowsAsync<UnknownResourceTypeException>(
            () => harness.Planner.PlanAsync(ScanHarness.Request(["ec2:instance", "ec2:teapot"]), CancellationToken.None));

        Assert.Equal<string>(["ec2:teapot"], error.Names);
        Assert.Contains("ec2:volume", error.Message);
    }

    [Fact]
    public async Task A_disabled_or_unknown_region_in_the_filter_is_an_error_naming_it_and_the_accepted_ones()
    {
        using var harness = new ScanHarness(Account);

        var error = await Assert.ThrowsAsync<InvalidRegionException>(
            () => harness.Planner.PlanAsync(ScanHarness.Request(regions: ["eu-west-1", "me-south-1", "mars-north-1"]), CancellationToken.None));

        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Equal<string>(["mars-north-1", "me-south-1"], error.Regions);
        Assert.Contains("'me-south-1' (not enabled for this account: not-opted-in)", error.Message);
        Assert.Contains("'mars-north-1' (not a region of this account)", error.Message);
        Assert.Contains("Accepted: eu-west-1, us-east-1, global.", error.Message);
    }

    [Fact]
    public async Task A_region_outside_AllowedRegions_is_an_error_saying_so()
    {
        using var harness = new ScanHarness(Account, o => o.AllowedRegions = ["us-east-1"]);

        var error = await Assert.ThrowsAsync<InvalidRegionException>(
            () => harness.Planner.PlanAsync(ScanHarness.Request(regions: ["eu-west-1"]), CancellationToken.None));

        Assert.Contains("'eu-west-1' (excluded by FinOps:Scan:AllowedRegions)", error.Message);
        Assert.Equal<string>(["us-east-1", "global"], error.AcceptedRegions);
    }

    [Fact]
    public async Task An_allow_list_naming_no_enabled_region_is_an_error_instead_of_an_empty_complete_scan()
    {
        // me-south-1 is not opted in; the default region is allowed but unknown to this account.
        using var harness = new ScanHarness(Account, o => { o.AllowedRegions = ["me-south-1", "ap-east-9"]; o.DefaultRegion = "ap-east-9"; });

        var error = await Assert.ThrowsAsync<InvalidRegionException>(
            () => harness.Planner.PlanAsync(ScanHarness.Request(), CancellationToken.None));

        Assert.Contains("none of FinOps:Scan:AllowedRegions is an enabled region of this account", error.Message);
        Assert.Contains("Enabled regions: eu-west-1, us-east-1.", error.Message);
    }

    [Fact]
    public async Task A_filter_of_only_global_scans_no_region_but_keeps_global_resources()
    {
        using var harness = new ScanHarness(Account);

        var plan = await harness.Planner.PlanAsync(ScanHarness.Request(["s3:bucket", "iam:role", "ec2:instance"], ["global"]), CancellationToken.None);

        Assert.Empty(plan.Regions);
        Assert.True(plan.IncludesGlobalRegion);
        Assert.True(plan.Keeps(TestResources.Role("admin")));
        Assert.False(plan.Keeps(TestResources.Bucket("logs", "us-east-1")));
        Assert.Equal<string>(["s3:bucket", "iam:role"], plan.GlobalTypes.Select(t => t.Name));
        Assert.Equal<string>(["ec2:instance"], plan.RegionalTypes.Select(t => t.Name));
    }

    [Fact]
    public async Task Filters_are_normalised_so_spelling_and_order_do_not_change_the_plan()
    {
        using var harness = new ScanHarness(Account);

        var plan = await harness.Planner.PlanAsync(ScanHarness.Request(regions: [" US-EAST-1", "eu-west-1", "", "eu-west-1"]), CancellationToken.None);

        Assert.Equal<string>(["eu-west-1", "us-east-1"], plan.RegionFilter);
        Assert.Equal<string>(["eu-west-1", "us-east-1"], plan.Regions);
        Assert.False(plan.IncludesGlobalRegion);
        Assert.False(plan.Keeps(TestResources.Role("admin")));
        Assert.True(plan.Keeps(TestResources.Bucket("logs", "us-east-1")));
    }

    [Fact]
    public async Task The_cache_key_changes_when_the_policy_changes()
    {
        using var harness = new ScanHarness(Account);
        var before = await harness.Planner.PlanAsync(ScanRequest.Default, CancellationToken.None);

        await harness.Policies.SaveAsync(ScanHarness.PolicyJson.Replace("CC-200", "CC-300", StringComparison.Ordinal), "test", CancellationToken.None);
        var after = await harness.Planner.PlanAsync(ScanRequest.Default, CancellationToken.None);

        Assert.NotEqual(before.CacheKey, after.CacheKey);
        Assert.NotEqual(before.Policy.ContentHash, after.Policy.ContentHash);
    }
}
