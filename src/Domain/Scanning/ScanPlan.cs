using System.Collections.Frozen;
using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>
/// A validated scan request: resolved types, the regions to scan, the policy to evaluate against and the cache key.
/// Built by <see cref="ScanPlanner"/>; run by <see cref="MultiRegionScanner"/>.
/// </summary>
public sealed class ScanPlan
{
    private FrozenSet<string>? _keptRegions;

    internal ScanPlan(
        ScanRequest request,
        PolicyEvaluator evaluator,
        ImmutableArray<ResourceTypeInfo> types,
        ImmutableArray<string> regions,
        ImmutableArray<string> regionFilter,
        RegionTargets targets)
    {
        Request = request;
        Evaluator = evaluator;
        Types = types;
        Regions = regions;
        RegionFilter = regionFilter;
        Targets = targets;
        RegionalTypes = [.. types.Where(t => !t.IsGlobal)];
        GlobalTypes = [.. types.Where(t => t.IsGlobal)];
        IncludesGlobalRegion = regionFilter.IsEmpty || regionFilter.Contains(ResourceCatalogue.GlobalRegion, StringComparer.Ordinal);
        CacheKey = ScanCacheKey.Compute(regions, types.Select(t => t.Name), regionFilter, request.Severity, evaluator.Policy.ContentHash);
    }

    /// <summary>What was asked.</summary>
    public ScanRequest Request { get; }

    /// <summary>The policy in force when the scan was planned, and its evaluator.</summary>
    public PolicyEvaluator Evaluator { get; }

    public TaggingPolicy Policy => Evaluator.Policy;

    /// <summary>Resolved types, in catalogue order.</summary>
    public ImmutableArray<ResourceTypeInfo> Types { get; }

    /// <summary>Types listed once per region.</summary>
    public ImmutableArray<ResourceTypeInfo> RegionalTypes { get; }

    /// <summary>Types listed once per account.</summary>
    public ImmutableArray<ResourceTypeInfo> GlobalTypes { get; }

    /// <summary>Regions to scan, sorted (excludes the <c>global</c> pseudo-region).</summary>
    public ImmutableArray<string> Regions { get; }

    /// <summary>The request's region filter, normalised (sorted, distinct); empty when none was given.</summary>
    public ImmutableArray<string> RegionFilter { get; }

    /// <summary>Whether resources of the <c>global</c> pseudo-region belong to the result.</summary>
    public bool IncludesGlobalRegion { get; }

    /// <summary>The regions the account has and which of them scans cover.</summary>
    public RegionTargets Targets { get; }

    public RegionDiscoveryResult Discovery => Targets.Discovery;

    /// <summary>Regions of the account deliberately not scanned (not opted in, or not allowed).</summary>
    public ImmutableArray<string> SkippedRegions => Targets.Skipped;

    /// <summary>The result-cache key (see <see cref="ScanCacheKey"/>).</summary>
    public string CacheKey { get; }

    /// <summary>
    /// Whether a resource found by a global listing belongs to this scan: S3 buckets count in their home region, which
    /// must be a scanned region; other global resources count in <c>global</c>, which the filter must admit.
    /// </summary>
    public bool Keeps(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return (Volatile.Read(ref _keptRegions) ?? KeptRegions()).Contains(resource.Region);
    }

    /// <summary>
    /// Built on first use: most plans only look a cached result up by <see cref="CacheKey"/> and never filter resources
    /// (a frozen set is costly to build, and cheap to read in a scan's loop).
    /// </summary>
    private FrozenSet<string> KeptRegions()
    {
        var kept = (IncludesGlobalRegion ? Regions.Append(ResourceCatalogue.GlobalRegion) : Regions).ToFrozenSet(StringComparer.Ordinal);
        return Interlocked.CompareExchange(ref _keptRegions, kept, null) ?? kept;
    }
}
