using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of get_violation_history.</summary>
public sealed record ViolationHistoryAnswer(
    [property: Description("overall, region or resource_type.")] string GroupBy,
    [property: Description("Start of the window (UTC, inclusive).")] DateTimeOffset Since,
    [property: Description("End of the window (UTC, inclusive).")] DateTimeOffset Until,
    int Days,
    [property: Description("Scans in the window.")] int Scans,
    [property: Description("One series per key, in key order; each point's figures are those the product showed right after that scan, judged by that scan's policy.")] IReadOnlyList<HistorySeriesAnswer> Series,
    [property: Description("Where the policy in force changed between consecutive scans in the window.")] IReadOnlyList<PolicyAnnotationAnswer> PolicyChanges,
    [property: Description("A sentence when the window holds no point, else null.")] string? Note);
