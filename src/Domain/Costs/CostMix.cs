namespace FinOps.Domain.Costs;

/// <summary>Counts a set of resource costs by provenance, to label and explain the sum of them.</summary>
internal struct CostMix
{
    public int Resources;
    public int Measured;
    public int Allocated;
    public int Unavailable;
    public long Cents;

    public void Add(ResourceCost cost)
    {
        Resources++;
        Cents += cost.Cents;
        switch (cost.Provenance)
        {
            case CostProvenance.Measured: Measured++; break;
            case CostProvenance.Allocated: Allocated++; break;
            default: Unavailable++; break;
        }
    }

    public readonly FigureProvenance Provenance =>
        Resources == 0 ? FigureProvenance.None
        : Measured > 0 && Allocated > 0 ? FigureProvenance.Mixed
        : Measured > 0 ? FigureProvenance.Measured
        : Allocated > 0 ? FigureProvenance.Allocated
        : FigureProvenance.Unavailable;

    /// <summary>"3 measured by the source, 9 allocated as even shares of their SERVICE × REGION line, 1 without cost data".</summary>
    public readonly string Describe(string source)
    {
        var parts = new List<string>(3);
        if (Measured > 0)
        {
            parts.Add($"{Measured} measured by {source}");
        }

        if (Allocated > 0)
        {
            parts.Add($"{Allocated} allocated as even shares of their SERVICE × REGION cost line");
        }

        if (Unavailable > 0)
        {
            parts.Add($"{Unavailable} without cost data (counted as $0.00)");
        }

        return string.Join(", ", parts);
    }
}
