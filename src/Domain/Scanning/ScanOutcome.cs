using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>Everything a finished scan collected, handed to <see cref="ComplianceAggregator"/> to become a result.</summary>
/// <param name="ScanId">The scan's id.</param>
/// <param name="Request">What was asked.</param>
/// <param name="CacheKey">The result-cache key of the request.</param>
/// <param name="StartedAt">When the scan started.</param>
/// <param name="CompletedAt">When the data was complete (the result's "as of").</param>
/// <param name="Account">Which account was scanned.</param>
/// <param name="Policy">The policy the resources were evaluated against.</param>
/// <param name="Types">The resolved resource types.</param>
/// <param name="Evaluations">Listed resources with their verdicts (duplicates by ARN are dropped by the aggregator).</param>
/// <param name="Regions">One outcome per targeted region (not the global pseudo-region).</param>
/// <param name="Global">The outcome of listing global types, when any were requested.</param>
/// <param name="SkippedRegions">Regions of the account deliberately not scanned.</param>
/// <param name="Discovery">How the regions were found.</param>
/// <param name="Coverage">Coverage of each type.</param>
/// <param name="Costs">Spend for the default period.</param>
public sealed record ScanOutcome(
    string ScanId,
    ScanRequest Request,
    string CacheKey,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    AccountDescription Account,
    TaggingPolicy Policy,
    ImmutableArray<ResourceTypeInfo> Types,
    IReadOnlyList<ResourceEvaluation> Evaluations,
    ImmutableArray<RegionScanOutcome> Regions,
    RegionScanOutcome? Global,
    ImmutableArray<string> SkippedRegions,
    RegionDiscoveryResult Discovery,
    ImmutableArray<TypeCoverage> Coverage,
    CostSnapshot Costs)
{
    /// <summary>Why spend could not be fetched, when it could not; <see cref="Costs"/> is then empty and the result partial.</summary>
    public string? CostFailure { get; init; }

    /// <summary>Regions a scan without a filter covers (the account's enabled, allowed regions), when known.</summary>
    public ImmutableArray<string> ScannableRegions { get; init; } = [];
}
