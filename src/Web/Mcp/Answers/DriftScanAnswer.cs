using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One side of a drift comparison.</summary>
public sealed record DriftScanAnswer(
    string ScanId,
    [property: Description("When the scan's data was complete (UTC).")] DateTimeOffset FinishedAt,
    string PolicyVersion,
    string PolicyHash);
