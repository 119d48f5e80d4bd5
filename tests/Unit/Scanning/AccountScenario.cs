using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Fakes;

namespace FinOps.Tests.Unit.Scanning;

/// <summary>A generated resource with what the harness policy makes of it and its measured monthly cost.</summary>
public sealed record ScenarioResource(CloudResource Resource, bool Compliant, long Cents)
{
    public string Arn => Resource.Arn;
    public string Region => Resource.Region;
    public bool InScope => TestResources.IsInScope(Resource.Type);
    public bool IsGlobalType => ResourceCatalogue.IsGlobal(Resource.Type);
}

/// <summary>
/// A generated account: regions with opt-in statuses, resources (some in regions that are not enabled, some buckets
/// homed there), regions that fail with a non-retryable or exhausting error, regions throttled a few times, regions
/// with nothing in them.
/// </summary>
public sealed record AccountScenario(
    IReadOnlyList<RegionInfo> Regions,
    IReadOnlyList<ScenarioResource> Resources,
    IReadOnlyDictionary<string, SourceFailureKind> Failing,
    IReadOnlyDictionary<string, int> Throttled,
    int MaxConcurrentRegions)
{
    public IReadOnlyList<string> Enabled => [.. Regions.Where(r => r.IsEnabled).Select(r => r.Name).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> Disabled => [.. Regions.Where(r => !r.IsEnabled).Select(r => r.Name).Order(StringComparer.Ordinal)];

    public IEnumerable<ScenarioResource> GlobalResources => Resources.Where(r => r.IsGlobalType);

    public IEnumerable<ScenarioResource> RegionalResources => Resources.Where(r => !r.IsGlobalType);

    /// <summary>The resources a scan of <paramref name="scanned"/> regions must return (global ones kept per the filter rule).</summary>
    public IReadOnlyList<ScenarioResource> Expected(IReadOnlyCollection<string> scanned, bool includeGlobalRegion) =>
        [.. Resources.Where(r =>
            r.Region == ResourceCatalogue.GlobalRegion
                ? includeGlobalRegion
                : scanned.Contains(r.Region) && !Failing.ContainsKey(r.Region))];

    /// <summary>A harness holding this account (faults, measured costs); <paramref name="configure"/> adjusts the settings.</summary>
    public ScanHarness Build(Action<ScanOptions>? configure = null)
    {
        var harness = new ScanHarness(Regions, o =>
        {
            o.MaxConcurrentRegions = MaxConcurrentRegions;
            configure?.Invoke(o);
        });
        harness.Inventory.PageSize = 3;
        harness.Inventory.Add(Resources.Select(r => r.Resource));
        foreach (var r in Resources)
        {
            harness.Costs.Measured[r.Arn] = r.Cents;
        }

        foreach (var (region, kind) in Failing)
        {
            if (kind == SourceFailureKind.Transient)
            {
                harness.Inventory.Throttle(region, int.MaxValue);
            }
            else
            {
                harness.Inventory.Fail(region, kind, message: $"{kind} in {region}");
            }
        }

        foreach (var (region, times) in Throttled)
        {
            harness.Inventory.Throttle(region, times);
        }

        return harness;
    }

    public override string ToString() =>
        $"regions [{string.Join(", ", Regions.Select(r => $"{r.Name}:{r.OptInStatusText}"))}], " +
        $"{Resources.Count} resources ({GlobalResources.Count()} global), " +
        $"failing [{string.Join(", ", Failing.Select(f => $"{f.Key}:{f.Value}"))}], " +
        $"throttled [{string.Join(", ", Throttled.Select(t => $"{t.Key}×{t.Value}"))}], concurrency {MaxConcurrentRegions}";
}
