namespace FinOps.Web.Mcp.Answers;

/// <summary>Where to start fixing.</summary>
public sealed record FixPlanAnswer(
    GapClosureAnswer Overall,
    IReadOnlyList<GapClosureAnswer> Regions);
