namespace FinOps.Domain.History;

/// <summary>How history keeping goes right now, for pages, the readiness probe and the log.</summary>
/// <param name="Provider">Which database, and where (without secrets).</param>
/// <param name="Reachable">False while the store cannot be reached (finished scans then wait in memory).</param>
/// <param name="PendingScans">Finished scans applied to the account state but not saved yet.</param>
/// <param name="Problem">Why the store could not be used, for people; null when it works.</param>
/// <param name="Restored">Whether the account state was restored from the store at start-up.</param>
/// <param name="LastSavedScanId">The newest scan saved.</param>
/// <param name="LastSavedAt">When it was saved.</param>
public sealed record HistoryStatus(
    string Provider,
    bool Reachable,
    int PendingScans,
    string? Problem,
    bool Restored,
    string? LastSavedScanId,
    DateTimeOffset? LastSavedAt)
{
    /// <summary>A sentence for the banner every page shows while the store is not working; null when it works.</summary>
    public string? Warning => Reachable ? null
        : PendingScans == 0 ? $"The history store ({Provider}) is unreachable: {Problem} What is shown is kept in memory only."
        : $"The history store ({Provider}) is unreachable: {Problem} {PendingScans} finished scan{(PendingScans == 1 ? "" : "s")} will be saved when it returns.";
}
