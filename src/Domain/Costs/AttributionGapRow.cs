using FinOps.Domain.Scanning;

namespace FinOps.Domain.Costs;

/// <summary>
/// One row of the gap breakdown (a region, a resource type or a service, or the whole view):
/// <c>total = attributable + gap + waived + out_of_scope + untaggable + unallocated</c>, each figure labelled and explained.
/// </summary>
/// <param name="Key">The region code, type code or service name (or <c>untaggable</c> / <c>unallocated</c> / <c>no_cost</c> rows).</param>
/// <param name="Label">How people read the key.</param>
/// <param name="Resources">Resources in the row.</param>
/// <param name="InScope">Of those, resources some required tag applies to.</param>
/// <param name="NonCompliant">Of those, resources with error violations (their cost is the gap).</param>
public sealed record AttributionGapRow(
    string Key,
    string Label,
    int Resources,
    int InScope,
    int NonCompliant,
    CostFigure Total,
    CostFigure Attributable,
    CostFigure Gap,
    CostFigure OutOfScope,
    CostFigure Untaggable,
    CostFigure Unallocated)
{
    /// <summary>Cost of the row's waived resources (every error violation covered by a waiver in force): out of the gap.</summary>
    public long WaivedCents => WaivedFigure.Cents;

    /// <summary>The waived line with its provenance and explanation (zero, provenance none, when nothing is waived).</summary>
    public CostFigure WaivedFigure { get; init; } = new(0, FigureProvenance.None, "No resource is waived.");

    /// <summary>How many of the row's resources are waived.</summary>
    public int Waived { get; init; }

    /// <summary>The row's figures as a reconciliation.</summary>
    public CostReconciliation Reconciliation => new(Total.Cents, Attributable.Cents, Gap.Cents, OutOfScope.Cents, Untaggable.Cents, Unallocated.Cents, WaivedCents);

    /// <summary>Whether the parts add up to the total exactly.</summary>
    public bool Reconciles => Reconciliation.Reconciles;

    /// <summary>
    /// The gap as a share of the total spend, in percent rounded to one decimal (as scores are); null when nothing was
    /// billed, since a share of nothing means nothing.
    /// </summary>
    public double? GapPercentOfTotal =>
        Total.Cents <= 0 ? null : Math.Round(Gap.Cents * 100d / Total.Cents, 1, MidpointRounding.AwayFromZero);
}
