namespace FinOps.Domain.History;

/// <summary>What a compaction removed: per-resource detail of scans past retention (their trend points stay).</summary>
/// <param name="ScansCompacted">Scans whose resource detail was dropped.</param>
/// <param name="ObservationsRemoved">Observations no kept scan or state referenced any more.</param>
public sealed record CompactionOutcome(int ScansCompacted, long ObservationsRemoved);
