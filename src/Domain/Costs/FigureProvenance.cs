namespace FinOps.Domain.Costs;

/// <summary>How a money figure was obtained, shown as a label beside it.</summary>
public enum FigureProvenance
{
    /// <summary>Taken from the billed SERVICE × REGION cost lines.</summary>
    Billed,
    /// <summary>Sum of costs the source measured per resource.</summary>
    Measured,
    /// <summary>Sum of shares of cost lines split over the resources that cost under them.</summary>
    Allocated,
    /// <summary>Sum of measured and allocated resource costs.</summary>
    Mixed,
    /// <summary>The resources behind it have no cost data.</summary>
    Unavailable,
    /// <summary>Nothing contributes: the figure is zero by definition.</summary>
    None,
}
