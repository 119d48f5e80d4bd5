namespace FinOps.Domain.Costs;

/// <summary>A money figure with its provenance and a sentence saying how it was obtained (for tooltips and answers).</summary>
/// <param name="Cents">The amount in integer US cents.</param>
/// <param name="Provenance">How it was obtained.</param>
/// <param name="Explanation">One sentence for people.</param>
public sealed record CostFigure(long Cents, FigureProvenance Provenance, string Explanation)
{
    public decimal Usd => Money.ToUsd(Cents);

    /// <summary>The provenance as every front door spells it.</summary>
    public string ProvenanceLabel => Provenance.ToWire();
}
