namespace FinOps.Domain.History;

/// <summary>
/// The figures the product showed for one part of the account right after a scan (the account state through that part):
/// one point of a trend.
/// </summary>
/// <param name="Dimension">Overall, a region or a resource type.</param>
/// <param name="Key"><c>all</c>, the region code or the type code.</param>
/// <param name="Measured">False for a region no scan had listed yet (its figures are unknown, not zero).</param>
/// <param name="TotalResources">Resources.</param>
/// <param name="InScope">Resources in scope of a required tag.</param>
/// <param name="Compliant">In-scope resources without error violations.</param>
/// <param name="Violations">All violations.</param>
/// <param name="ErrorViolations">Error-severity violations.</param>
/// <param name="GapCents">The cost attribution gap.</param>
/// <param name="TotalSpendCents">The spend in view.</param>
public sealed record TrendFigures(
    FigureDimension Dimension,
    string Key,
    bool Measured,
    int TotalResources,
    int InScope,
    int Compliant,
    int Violations,
    int ErrorViolations,
    long GapCents,
    long TotalSpendCents)
{
    /// <summary>The key of the overall figures.</summary>
    public const string OverallKey = "all";

    /// <summary>Compliant ÷ in scope; 1.0 when nothing is in scope; null when not measured.</summary>
    public double? Score => !Measured ? null : InScope == 0 ? 1.0 : (double)Compliant / InScope;

    /// <summary>The score in percent, one decimal (rounded as the live summary rounds it); null when not measured.</summary>
    public double? ScorePercent => Score is { } score ? Math.Round(score * 100, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>True when measured and nothing is in scope of a required tag (the score is then 1 by definition).</summary>
    public bool NothingInScope => Measured && InScope == 0;
}
