namespace FinOps.Domain.History;

/// <summary>One point of a trend: a scan, when it finished, the policy in force, and the figures then.</summary>
public sealed record TrendPoint(string ScanId, DateTimeOffset At, string PolicyVersion, string PolicyHash, TrendFigures Figures);
