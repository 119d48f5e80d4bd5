using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One point of a violation history: a scan and the figures right after it.</summary>
public sealed record HistoryPointAnswer(
    string ScanId,
    [property: Description("When the scan's data was complete (UTC).")] DateTimeOffset At,
    string PolicyVersion,
    string PolicyHash,
    HistoryFiguresAnswer Figures);
