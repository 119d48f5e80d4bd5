using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Fakes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Scanning;

/// <summary>
/// The seed's properties (multi-region-scanning-tasks.md) over generated accounts and in-memory ports. Property 2
/// (client reuse) belongs to the AWS adapter (tests/Unit/Live/RegionalClientFactoryTests). Runs use a fake clock and
/// zero backoff, so nothing waits.
/// </summary>
public sealed class MultiRegionScanningProperties
{
    private static readonly string[] GlobalTypes =
        ["s3:bucket", "cloudfront:distribution", "route53:hostedzone", "iam:role", "iam:user", "iam:policy"];

    private static readonly ScanRequest ScenarioTypes = ScanHarness.Request([.. TestResources.RegionalTypes, "s3:bucket", "iam:role"]);

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_1_region_filtering_by_opt_in_status_keeps_only_enabled_regions(AccountScenario account)
    {
        using var harness = account.Build();

        var discovery = await harness.Discovery.DiscoverAsync(CancellationToken.None);
        var targets = await harness.Discovery.GetTargetsAsync(CancellationToken.None);

        var expected = account.Regions.Where(r => r.OptInStatus != OptInStatus.NotOptedIn).Select(r => r.Name).Order(StringComparer.Ordinal);
        Assert.Equal(expected, discovery.EnabledRegions);
        Assert.Equal(expected, targets.Scannable);
        Assert.Equal(account.Disabled, targets.Skipped);
        Assert.False(discovery.FellBack);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_3_all_enabled_regions_are_scanned(AccountScenario account)
    {
        using var harness = account.Build();

        var result = await harness.ScanAsync(ScenarioTypes);

        var metadata = result.RegionMetadata;
        var covered = metadata.SuccessfulRegions.Concat(metadata.FailedRegions.Select(f => f.Region)).ToList();
        Assert.Equal(account.Enabled.Count, metadata.TotalRegions);
        Assert.Equal(account.Enabled, covered.Order(StringComparer.Ordinal));
        Assert.Equal(account.Disabled, metadata.SkippedRegions);
        foreach (var region in account.Enabled)
        {
            // A failing region stops its other types once one has failed, so only an attempt is certain there.
            Assert.True(harness.Inventory.CallsIn(region) > 0, $"{region} was never listed");
            foreach (var type in account.Failing.ContainsKey(region) ? [] : TestResources.RegionalTypes)
            {
                Assert.True(harness.Inventory.Calls.ContainsKey((region, type)), $"{type} was never listed in {region}");
            }
        }

        Assert.All(account.Disabled, region => Assert.Equal(0, harness.Inventory.CallsIn(region)));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_4_empty_results_are_successful(AccountScenario account)
    {
        using var harness = account.Build();

        var result = await harness.ScanAsync(ScenarioTypes);

        var empty = account.Enabled
            .Where(r => !account.Failing.ContainsKey(r) && !account.Resources.Any(x => x.Region == r))
            .ToList();
        foreach (var region in empty)
        {
            Assert.Contains(region, result.RegionMetadata.SuccessfulRegions);
            Assert.DoesNotContain(result.RegionMetadata.FailedRegions, f => f.Region == region);
            var row = result.Region(region);
            Assert.NotNull(row);
            Assert.Equal(RegionScanStatus.Succeeded, row.Status);
            Assert.Equal(0, row.Summary.TotalResources);
        }

        if (account.Failing.Count == 0)
        {
            Assert.Equal(DataQualityStatus.Complete, result.DataQuality.Status);
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_5_partial_failures_do_not_stop_scanning(AccountScenario account)
    {
        using var harness = account.Build();

        var result = await harness.ScanAsync(ScenarioTypes);

        var metadata = result.RegionMetadata;
        Assert.Equal(account.Failing.Keys.Order(StringComparer.Ordinal), metadata.FailedRegions.Select(f => f.Region));
        Assert.Equal(account.Enabled.Except(account.Failing.Keys), metadata.SuccessfulRegions);
        foreach (var failure in metadata.FailedRegions)
        {
            // The reason names the type that failed and the cause.
            Assert.Matches("^[a-z0-9-]+:[a-z0-9-]+: .+", failure.Reason);
            Assert.Contains(account.Failing[failure.Region] == SourceFailureKind.Transient ? "Rate exceeded" : failure.Region, failure.Reason);
            Assert.Equal(RegionScanStatus.Failed, result.Region(failure.Region)!.Status);
        }

        var expected = account.Expected(account.Enabled, includeGlobalRegion: true);
        Assert.Equal(expected.Select(r => r.Arn).Order(StringComparer.Ordinal), result.Resources.Select(r => r.Arn).Order(StringComparer.Ordinal));

        var expectedStatus = account.Failing.Count == 0 ? DataQualityStatus.Complete
            : metadata.SuccessfulRegions.IsEmpty && result.Outcome.Global is not { Status: RegionScanStatus.Succeeded } ? DataQualityStatus.Failed
            : DataQualityStatus.Partial;
        Assert.Equal(expectedStatus, result.DataQuality.Status);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_6_resource_aggregation_preserves_region(AccountScenario account)
    {
        using var harness = account.Build();

        var result = await harness.ScanAsync(ScenarioTypes);

        var listed = account.Resources.ToDictionary(r => r.Arn);
        foreach (var resource in result.Resources)
        {
            Assert.Equal(listed[resource.Arn].Region, resource.Region);
        }

        var expected = account.Expected(account.Enabled, includeGlobalRegion: true);
        foreach (var group in expected.GroupBy(r => r.Region))
        {
            var row = result.Region(group.Key);
            Assert.NotNull(row);
            Assert.Equal(group.Count(), row.Summary.TotalResources);
        }

        Assert.Equal(result.Resources.Length, result.Regions.Sum(r => r.Summary.TotalResources));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_7_compliance_score_is_compliant_over_in_scope_overall_and_per_region(AccountScenario account)
    {
        using var harness = account.Build();

        var result = await harness.ScanAsync(ScenarioTypes);

        var expected = account.Expected(account.Enabled, includeGlobalRegion: true);
        AssertScore(expected, result.Summary);
        foreach (var row in result.Regions)
        {
            AssertScore(expected.Where(r => r.Region == row.Region).ToList(), row.Summary);
        }

        Assert.Equal(result.Summary.InScope, result.Regions.Sum(r => r.Summary.InScope));
        Assert.Equal(result.Summary.Compliant, result.Regions.Sum(r => r.Summary.Compliant));

        static void AssertScore(IReadOnlyList<ScenarioResource> resources, ComplianceSummary summary)
        {
            var inScope = resources.Count(r => r.InScope);
            var compliant = resources.Count(r => r.InScope && r.Compliant);
            Assert.Equal(inScope, summary.InScope);
            Assert.Equal(compliant, summary.Compliant);
            Assert.Equal(resources.Count - inScope, summary.OutOfScope);
            Assert.Equal(inScope == 0 ? 1.0 : (double)compliant / inScope, summary.Score, 12);
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_8_cost_gap_is_the_sum_of_regional_gaps_and_of_non_compliant_in_scope_costs(AccountScenario account)
    {
        using var harness = account.Build();

        var result = await harness.ScanAsync(ScenarioTypes);

        var expected = account.Expected(account.Enabled, includeGlobalRegion: true);
        var gap = expected.Where(r => r.InScope && !r.Compliant).Sum(r => r.Cents);
        Assert.Equal(gap, result.Summary.GapCents);
        Assert.Equal(gap, result.Regions.Sum(r => r.Summary.GapCents));
        Assert.Equal(gap, result.Costs.GapCents);
        Assert.All(result.Regions, r => Assert.True(r.Costs.Reconciles, $"{r.Region} does not reconcile"));
        Assert.True(result.Costs.Reconciles);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public bool Property_9_global_resource_types_are_identified_by_the_catalogue(string[] requested)
    {
        var resolved = ResourceCatalogue.Resolve(requested);
        return resolved.Length == requested.Distinct().Count()
            && resolved.All(t => t.IsGlobal == GlobalTypes.Contains(t.Name))
            && resolved.All(t => ResourceCatalogue.IsGlobal(t.Name) == t.IsGlobal)
            && ResourceCatalogue.All.Count(t => t.IsGlobal) == GlobalTypes.Length
            && !ResourceCatalogue.IsGlobal("no-such:type");
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_10_global_resources_appear_exactly_once(AccountScenario account)
    {
        using var harness = account.Build();

        var result = await harness.ScanAsync(ScenarioTypes);

        Assert.Equal(1, harness.Inventory.Calls[(ResourceCatalogue.GlobalRegion, "s3:bucket")]);
        Assert.Equal(1, harness.Inventory.Calls[(ResourceCatalogue.GlobalRegion, "iam:role")]);
        Assert.Equal(account.Enabled.Count, result.RegionMetadata.TotalRegions);
        Assert.Equal(RegionScanStatus.Succeeded, result.Outcome.Global?.Status);
        var arns = result.Resources.Select(r => r.Arn).ToList();
        Assert.Equal(arns.Count, arns.Distinct().Count());

        foreach (var global in account.GlobalResources)
        {
            // Buckets count in their home region, which must be scanned; roles in the pseudo-region "global".
            // A bucket homed in a failed region is dropped with the region's other resources.
            var kept = global.Region == ResourceCatalogue.GlobalRegion
                || (account.Enabled.Contains(global.Region) && !account.Failing.ContainsKey(global.Region));
            Assert.Equal(kept ? 1 : 0, arns.Count(a => a == global.Arn));
        }
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_11_region_filter_scans_exactly_the_listed_regions(AccountScenario account, int seed)
    {
        using var harness = account.Build();
        var random = new Random(seed);
        var filter = account.Enabled.Where(_ => random.Next(2) == 0).ToList();
        var withGlobal = random.Next(2) == 0;
        var request = ScanHarness.Request([.. TestResources.RegionalTypes, "s3:bucket", "iam:role"],
            [.. filter, .. withGlobal ? [ResourceCatalogue.GlobalRegion] : Array.Empty<string>()]);
        if (filter.Count == 0 && !withGlobal)
        {
            return; // an empty filter means "every region" (property 3)
        }

        var result = await harness.ScanAsync(request);

        Assert.Equal(filter.Count, result.RegionMetadata.TotalRegions);
        Assert.All(account.Enabled.Except(filter), region => Assert.Equal(0, harness.Inventory.CallsIn(region)));
        Assert.All(result.Resources, r => Assert.Contains(r.Region, withGlobal ? [.. filter, ResourceCatalogue.GlobalRegion] : filter));
        Assert.Equal(
            account.Resources.Where(r => r.Region == ResourceCatalogue.GlobalRegion ? withGlobal : filter.Contains(r.Region) && !account.Failing.ContainsKey(r.Region))
                .Select(r => r.Arn).Order(StringComparer.Ordinal),
            result.Resources.Select(r => r.Arn).Order(StringComparer.Ordinal));
        Assert.Equal(withGlobal, result.Regions.Any(r => r.Region == ResourceCatalogue.GlobalRegion));

        // Naming a region that is not enabled (or not a region at all) is an error naming it.
        var bad = account.Disabled.Append("xx-nowhere-9").ToList();
        var error = await Assert.ThrowsAsync<InvalidRegionException>(() => harness.ScanAsync(ScanHarness.Request(regions: [.. filter, .. bad])));
        Assert.Equal(bad.Order(StringComparer.Ordinal), error.Regions.Order(StringComparer.Ordinal));
        Assert.All(bad, region => Assert.Contains($"'{region}'", error.Message));
        Assert.Equal([.. account.Enabled, ResourceCatalogue.GlobalRegion], error.AcceptedRegions);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_12_multi_region_disabled_mode_scans_only_the_default_region(AccountScenario account, int seed)
    {
        var defaultRegion = ScanArbitraries.RegionPool[Math.Abs(seed % ScanArbitraries.RegionPool.Length)];
        using var harness = account.Build(o =>
        {
            o.MultiRegionEnabled = false;
            o.DefaultRegion = defaultRegion;
        });

        var result = await harness.ScanAsync(ScenarioTypes);

        Assert.Equal(1, result.RegionMetadata.TotalRegions);
        Assert.Equal([defaultRegion], result.RegionMetadata.SuccessfulRegions.Concat(result.RegionMetadata.FailedRegions.Select(f => f.Region)));
        Assert.Equal(0, harness.Catalogue.Calls);
        Assert.All(harness.Inventory.Calls.Keys, k => Assert.Contains(k.Region, new[] { defaultRegion, ResourceCatalogue.GlobalRegion }));
        Assert.All(result.Resources, r => Assert.Contains(r.Region, new[] { defaultRegion, ResourceCatalogue.GlobalRegion }));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(ScanArbitraries)])]
    public Property Property_13_cache_key_is_deterministic_and_changes_with_any_input(CacheKeyInputs inputs, int seed)
    {
        var random = new Random(seed);
        string[] Scramble(string[] values) => [.. values.Concat(values.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next())];
        var key = inputs.Key();
        var same = (inputs with { Regions = Scramble(inputs.Regions), Types = Scramble(inputs.Types), Filter = Scramble(inputs.Filter) }).Key();

        var missingRegion = ScanArbitraries.RegionPool.FirstOrDefault(r => !inputs.Regions.Contains(r));
        var otherSeverity = inputs.Severity is null ? FinOps.Domain.Policy.Severity.Error : (FinOps.Domain.Policy.Severity?)null;
        var changed = new List<string>
        {
            (inputs with { Severity = otherSeverity }).Key(),
            (inputs with { PolicyHash = inputs.PolicyHash + "0" }).Key(),
            (inputs with { Types = [.. inputs.Types, "made:up"] }).Key(),
            (inputs with { Filter = [.. inputs.Filter, "zz-filter-1"] }).Key(),
            // Moving a name from one part to another must change the key too.
            (inputs with { Regions = [.. inputs.Regions, "zz-moved-1"] }).Key(),
            (inputs with { Filter = [.. inputs.Filter.Where(f => f != "zz-moved-1"), "zz-moved-1"], Regions = inputs.Regions }).Key(),
        };
        if (missingRegion is not null)
        {
            changed.Add((inputs with { Regions = [.. inputs.Regions, missingRegion] }).Key());
        }

        return (key == same).Label("order and duplicates do not matter")
            .And(changed.All(k => k != key)).Label("any other change changes the key")
            .And(changed[4] != changed[5]).Label("the same name in a different part gives a different key")
            .And(key.StartsWith(ScanCacheKey.Prefix, StringComparison.Ordinal) && key.Length == ScanCacheKey.Prefix.Length + 64).Label("shape");
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_13_planning_the_same_request_in_any_order_gives_the_same_cache_key(AccountScenario account, int seed)
    {
        using var harness = account.Build();
        var random = new Random(seed);
        var types = TestResources.RegionalTypes.Where(_ => random.Next(2) == 0).DefaultIfEmpty("ec2:instance").ToArray();
        var regions = account.Enabled.Where(_ => random.Next(2) == 0).ToArray();

        var first = await harness.Planner.PlanAsync(ScanHarness.Request(types, regions), CancellationToken.None);
        var second = await harness.Planner.PlanAsync(
            ScanHarness.Request([.. types.Reverse(), types[0]], [.. regions.Reverse().Select(r => r.ToUpperInvariant())], forceRefresh: true),
            CancellationToken.None);
        var severity = await harness.Planner.PlanAsync(
            ScanHarness.Request(types, regions, FinOps.Domain.Policy.Severity.Warning), CancellationToken.None);

        Assert.Equal(first.CacheKey, second.CacheKey);
        Assert.NotEqual(first.CacheKey, severity.CacheKey);
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ScanArbitraries)])]
    public async Task Property_transient_failures_within_MaxRetries_are_retried_until_the_region_succeeds(AccountScenario account)
    {
        using var harness = account.Build();

        var result = await harness.ScanAsync(ScenarioTypes);

        foreach (var (region, times) in account.Throttled)
        {
            Assert.Contains(region, result.RegionMetadata.SuccessfulRegions);
            var outcome = result.Outcome.Regions.Single(o => o.Region == region);
            Assert.Equal(times * TestResources.RegionalTypes.Length, outcome.Retries);
            Assert.All(TestResources.RegionalTypes, type => Assert.Equal(times + 1, harness.Inventory.Calls[(region, type)]));
        }

        foreach (var (region, kind) in account.Failing)
        {
            // Access denied, opt-in and permanent errors are never retried; transient ones MaxRetries times.
            var expectedCalls = kind == SourceFailureKind.Transient ? harness.Options.MaxRetries + 1 : 1;
            Assert.All(harness.Inventory.Calls.Where(c => c.Key.Region == region), c => Assert.True(c.Value <= expectedCalls));
            Assert.Contains(harness.Inventory.Calls.Where(c => c.Key.Region == region), c => c.Value == expectedCalls);
        }
    }
}
