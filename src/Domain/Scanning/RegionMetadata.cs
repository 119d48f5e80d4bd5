using System.Collections.Immutable;

namespace FinOps.Domain.Scanning;

/// <summary>Which regions a result covers.</summary>
/// <param name="TotalRegions">Regions the scan set out to cover.</param>
/// <param name="SuccessfulRegions">Regions scanned to the end.</param>
/// <param name="FailedRegions">Regions that failed, with the reason.</param>
/// <param name="SkippedRegions">Regions of the account not scanned (not opted in, or not allowed by settings).</param>
/// <param name="DiscoveryFallback">Region discovery failed and only the default region was scanned.</param>
/// <param name="DiscoveryFallbackReason">Why discovery failed.</param>
public sealed record RegionMetadata(
    int TotalRegions,
    ImmutableArray<string> SuccessfulRegions,
    ImmutableArray<RegionFailure> FailedRegions,
    ImmutableArray<string> SkippedRegions,
    bool DiscoveryFallback,
    string? DiscoveryFallbackReason);
