namespace FinOps.Domain.Costs;

/// <summary>A resource's spend for the period, in cents, and how it was obtained.</summary>
public readonly record struct ResourceCost(long Cents, CostProvenance Provenance)
{
    public static ResourceCost Unavailable { get; } = new(0, CostProvenance.Unavailable);

    public decimal Usd => Cents / 100m;
}
