namespace FinOps.Domain.Scanning;

/// <summary>Counts and money for a set of resources (a whole scan, a region, a type). Built only by <see cref="ComplianceAggregator"/>.</summary>
/// <param name="TotalResources">Every resource in the set.</param>
/// <param name="InScope">Resources whose type has at least one applicable required tag.</param>
/// <param name="Compliant">In-scope resources without error violations.</param>
/// <param name="OutOfScope">Resources no required tag applies to.</param>
/// <param name="Violations">All violations (errors and warnings).</param>
/// <param name="ErrorViolations">Error-severity violations.</param>
/// <param name="WarningViolations">Warning-severity violations.</param>
/// <param name="GapCents">Cost of in-scope, non-compliant resources: the cost attribution gap.</param>
/// <param name="AttributableCents">Cost of compliant resources.</param>
/// <param name="OutOfScopeCents">Cost of out-of-scope resources.</param>
/// <param name="Waived">In-scope, non-compliant resources whose every error violation is waived (not in the score's denominator).</param>
/// <param name="WaivedCents">Cost of waived resources: out of the gap, shown as its own line.</param>
public sealed record ComplianceSummary(
    int TotalResources,
    int InScope,
    int Compliant,
    int OutOfScope,
    int Violations,
    int ErrorViolations,
    int WarningViolations,
    long GapCents,
    long AttributableCents,
    long OutOfScopeCents,
    int Waived = 0,
    long WaivedCents = 0)
{
    public static ComplianceSummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// Compliant ÷ (in scope − waived); 1.0 when nothing is in scope or every in-scope resource is waived (see
    /// <see cref="NothingInScope"/>).
    /// </summary>
    public double Score => Scored == 0 ? 1.0 : (double)Compliant / Scored;

    /// <summary>The score's denominator: in-scope resources that are not waived.</summary>
    public int Scored => InScope - Waived;

    /// <summary>True when the score is 1.0 only because no resource is in scope.</summary>
    public bool NothingInScope => InScope == 0;

    /// <summary>In-scope resources with at least one unwaived error violation.</summary>
    public int NonCompliant => InScope - Compliant - Waived;

    /// <summary>The score as a percentage rounded to one decimal, for display.</summary>
    public double ScorePercent => Math.Round(Score * 100, 1, MidpointRounding.AwayFromZero);
}
