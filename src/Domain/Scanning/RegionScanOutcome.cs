using System.Collections.Immutable;

namespace FinOps.Domain.Scanning;

/// <summary>How one region's scan went.</summary>
/// <param name="Region">Region code (or <c>global</c> for global types).</param>
/// <param name="Status">Succeeded, failed or cancelled.</param>
/// <param name="FailureReason">Why it failed, when it did.</param>
/// <param name="Retries">Transient failures retried in this region.</param>
/// <param name="ResourceCount">Resources listed.</param>
/// <param name="Duration">Wall time spent on the region.</param>
public sealed record RegionScanOutcome(
    string Region,
    RegionScanStatus Status,
    string? FailureReason,
    int Retries,
    int ResourceCount,
    TimeSpan Duration)
{
    /// <summary>
    /// When the data shown for the region was observed: the scan's own completion for a region it listed, an earlier
    /// scan's for a region whose latest attempt failed (stale data), null when no data exists (never "nothing in scope").
    /// </summary>
    public DateTimeOffset? DataAsOf { get; init; }

    /// <summary>Types in view that no scan has listed in the region yet.</summary>
    public ImmutableArray<string> TypesNotScanned { get; init; } = [];
}
