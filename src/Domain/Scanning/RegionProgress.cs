namespace FinOps.Domain.Scanning;

/// <summary>One row of a scan job's live state: a region (or <c>global</c>) and how far it got.</summary>
/// <param name="Region">Region code, or <c>global</c>.</param>
/// <param name="Status">Queued, running, retrying, succeeded, failed or cancelled.</param>
/// <param name="Resources">Resources listed so far (0 once failed: its resources are dropped).</param>
/// <param name="Violations">Violations found so far.</param>
/// <param name="Retries">Retries so far.</param>
/// <param name="RetryAttempt">While retrying: which retry (1-based).</param>
/// <param name="Reason">Why it is retrying or why it failed.</param>
/// <param name="StartedAt">When listing began.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Elapsed">Time spent so far (as of the snapshot).</param>
public sealed record RegionProgress(
    string Region,
    RegionScanStatus Status,
    int Resources,
    int Violations,
    int Retries,
    int RetryAttempt,
    string? Reason,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    TimeSpan Elapsed)
{
    /// <summary>Whether the region has ended (any way).</summary>
    public bool IsFinished => Status is RegionScanStatus.Succeeded or RegionScanStatus.Failed or RegionScanStatus.Cancelled;
}
