using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Tests.Unit.Fakes;
using FsCheck;
using FsCheck.Fluent;

namespace FinOps.Tests.Unit.Scanning;

/// <summary>Generators of accounts, region filters and cache-key inputs for the scanning properties.</summary>
public static class ScanArbitraries
{
    public static readonly string[] RegionPool =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1",
        "ap-southeast-1", "ap-northeast-1", "sa-east-1", "af-south-1", "me-south-1",
    ];

    public static Arbitrary<AccountScenario> Accounts() => AccountGen(allowFailures: true).ToArbitrary();

    public static Arbitrary<CacheKeyInputs> CacheKeys() =>
        (from regions in Gen.SubListOf(RegionPool)
         from types in Gen.SubListOf(ResourceCatalogue.All.Select(t => t.Name))
         from filter in Gen.SubListOf(RegionPool.Append(ResourceCatalogue.GlobalRegion))
         from severity in Gen.Elements<Severity?>(null, Severity.Error, Severity.Warning)
         from hash in Gen.Elements("a1", "b2", "c3", "d4").Select(h => new string(h[0], 63) + h[1])
         select new CacheKeyInputs([.. regions], [.. types], [.. filter], severity, hash)).ToArbitrary();

    public static Arbitrary<string[]> TypeSelections() =>
        Gen.SubListOf(ResourceCatalogue.All.Select(t => t.Name)).Where(l => l.Count > 0).Select(l => l.ToArray()).ToArbitrary();

    public static Gen<AccountScenario> AccountGen(bool allowFailures) =>
        from names in Gen.SubListOf(RegionPool).Where(l => l.Count > 0)
        from statuses in Gen.ArrayOf(Gen.Frequency(
            (4, Gen.Constant(OptInStatus.OptInNotRequired)), (1, Gen.Constant(OptInStatus.OptedIn)), (1, Gen.Constant(OptInStatus.NotOptedIn))),
            names.Count)
        let regions = names.Select((n, i) => new RegionInfo(n, statuses[i])).ToList()
        let enabled = regions.Where(r => r.IsEnabled).Select(r => r.Name).ToList()
        from regional in RegionalResourcesGen(names)
        from empty in Gen.SubListOf(names.ToArray())
        from buckets in Gen.ListOf(from home in Gen.Elements(names.ToArray()) from ok in Gen.Elements(true, false)
                                   from cents in Gen.Choose(0, 50_000) select (home, ok, cents))
        from roles in Gen.ListOf(Gen.Elements(true, false))
        from failing in FailingGen(allowFailures, enabled)
        from kinds in Gen.ArrayOf(Gen.Elements(
            SourceFailureKind.AccessDenied, SourceFailureKind.OptInRequired, SourceFailureKind.Permanent, SourceFailureKind.Transient), failing.Count)
        from throttled in Gen.SubListOf(enabled.Except(failing).ToArray())
        from times in Gen.ArrayOf(Gen.Choose(1, 3), throttled.Count)
        from concurrency in Gen.Choose(1, 6)
        select new AccountScenario(
            regions,
            [
                .. regional.Where(r => !empty.Contains(r.Region)),
                .. buckets.Take(5).Select((b, i) => new ScenarioResource(TestResources.Bucket($"bucket-{i}", b.home, b.ok), b.ok, b.cents)),
                .. roles.Take(4).Select((ok, i) => new ScenarioResource(TestResources.Role($"role-{i}", ok), ok, 0)),
            ],
            failing.Select((r, i) => (r, kinds[i])).ToDictionary(p => p.r, p => p.Item2),
            throttled.Select((r, i) => (r, times[i])).ToDictionary(p => p.r, p => p.Item2),
            concurrency);

    private static Gen<List<string>> FailingGen(bool allow, List<string> enabled) =>
        allow ? Gen.SubListOf(enabled.ToArray()).Select(l => l.ToList()) : Gen.Constant(new List<string>());

    private static Gen<List<ScenarioResource>> RegionalResourcesGen(IList<string> regions) =>
        from perRegion in Gen.ArrayOf(Gen.ListOf(
                from type in Gen.Elements(TestResources.RegionalTypes)
                from ok in Gen.Elements(true, false)
                from cents in Gen.Choose(0, 100_000)
                select (type, ok, cents)).Select(l => l.Take(8).ToList()),
            regions.Count)
        select regions.SelectMany((region, r) => perRegion[r].Select((x, i) =>
            new ScenarioResource(TestResources.Regional(x.type, region, i, x.ok), x.ok, x.cents))).ToList();
}

/// <summary>Inputs of <see cref="Domain.Scanning.ScanCacheKey.Compute"/>.</summary>
public sealed record CacheKeyInputs(string[] Regions, string[] Types, string[] Filter, Severity? Severity, string PolicyHash)
{
    public string Key() => Domain.Scanning.ScanCacheKey.Compute(Regions, Types, Filter, Severity, PolicyHash);

    public override string ToString() =>
        $"regions [{string.Join(",", Regions)}] types [{string.Join(",", Types)}] filter [{string.Join(",", Filter)}] severity {Severity} policy {PolicyHash[..4]}";
}
