using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>What fixing the top offenders of a scope is worth.</summary>
public sealed record GapClosureAnswer(
    [property: Description("A region, or all.")] string Scope,
    [property: Description("The sentence for people.")] string Summary,
    [property: Description("False when the scope was never scanned: its gap is unknown (null) and there is nothing to rank.")] bool Measured,
    double ClosesPercentOfGap,
    decimal ClosedUsd,
    decimal? GapUsd,
    int NonCompliantResources,
    IReadOnlyList<RankedResourceAnswer> Resources);
