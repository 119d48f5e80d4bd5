namespace FinOps.Domain.Scanning;

/// <summary>One step of a running scan. Counts are absolute for the region, so the latest event of a region wins.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Region">Region code, or <c>global</c> for the global types.</param>
/// <param name="ResourceType">The type concerned (pages, retries, type failures), when one is.</param>
/// <param name="RegionResources">Resources listed so far that count in the region (a discarded attempt's pages are not counted).</param>
/// <param name="RegionViolations">Violations found so far in the region.</param>
/// <param name="RegionRetries">Retries so far in the region.</param>
/// <param name="Attempt">For <see cref="ScanProgressKind.Retrying"/>: the retry about to run (1-based); otherwise 0.</param>
/// <param name="Reason">Why a retry or failure happened.</param>
/// <param name="RetryDelay">For <see cref="ScanProgressKind.Retrying"/>: the backoff before the retry.</param>
/// <param name="OverallPercent">Share of the scan's type listings (region × type) that have finished, 0–100.</param>
/// <param name="At">When it happened.</param>
public sealed record ScanProgressEvent(
    ScanProgressKind Kind,
    string Region,
    string? ResourceType,
    int RegionResources,
    int RegionViolations,
    int RegionRetries,
    int Attempt,
    string? Reason,
    TimeSpan? RetryDelay,
    double OverallPercent,
    DateTimeOffset At)
{
    /// <summary>
    /// For the global types: resources listed so far that count in another region (S3 buckets in their home region),
    /// per region, absolute; progress shows them there, as the result does.
    /// </summary>
    public System.Collections.Immutable.ImmutableDictionary<string, (int Resources, int Violations)>? CountedElsewhere { get; init; }
}
