namespace FinOps.Domain.History;

/// <summary>The first scan judged by another policy than the scan before it.</summary>
public sealed record PolicyChangePoint(string ScanId, DateTimeOffset At, string FromVersion, string ToVersion, string PolicyHash);
