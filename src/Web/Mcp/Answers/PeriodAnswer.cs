using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>A billing period.</summary>
public sealed record PeriodAnswer(
    [property: Description("The canonical form, accepted back as period.")] string Value,
    string Label,
    [property: Description("First day (YYYY-MM-DD).")] string Start,
    [property: Description("Day after the last (YYYY-MM-DD).")] string EndExclusive);
