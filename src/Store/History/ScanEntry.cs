namespace FinOps.Store.History;

/// <summary>A kept scan's row, as the readers need it (the compressed record context is decoded only when asked for).</summary>
internal sealed record ScanEntry(
    long Seq,
    string ScanId,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    int Status,
    string PolicyHash,
    string PolicyVersion,
    long? CostSnapshotId,
    string? CostFailure,
    bool CoversEveryRegion,
    byte[] Record,
    bool DetailDropped);
