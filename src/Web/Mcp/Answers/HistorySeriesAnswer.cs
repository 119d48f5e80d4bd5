using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The points of one series (the whole account, one region or one type), oldest first.</summary>
public sealed record HistorySeriesAnswer(
    [property: Description("\"all\", the region code (or \"global\") or the resource type.")] string Key,
    IReadOnlyList<HistoryPointAnswer> Points);
