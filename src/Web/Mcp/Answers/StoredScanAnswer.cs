using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One scan kept in history.</summary>
public sealed record StoredScanAnswer(
    string ScanId,
    [property: Description("When the scan started (UTC).")] DateTimeOffset StartedAt,
    [property: Description("When its data was complete (UTC).")] DateTimeOffset FinishedAt,
    [property: Description("complete, partial (some regions or types failed) or failed.")] string Status,
    [property: Description("The regions asked for; empty: every enabled region.")] IReadOnlyList<string> Regions,
    [property: Description("The resource types scanned.")] IReadOnlyList<string> ResourceTypes,
    string PolicyVersion,
    string PolicyHash,
    [property: Description("Data-quality notes of the scan, for people.")] IReadOnlyList<string> Notes,
    [property: Description("Units (a type in a region) that failed or were cancelled, as \"region/type: reason\".")] IReadOnlyList<string> FailedUnits,
    [property: Description("The whole account as the product showed it right after this scan (every cost-generating type, every region), judged by this scan's policy; null if history kept no figures.")] HistoryFiguresAnswer? Figures);
