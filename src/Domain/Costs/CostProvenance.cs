namespace FinOps.Domain.Costs;

/// <summary>How a resource's cost figure was obtained.</summary>
public enum CostProvenance
{
    /// <summary>The source measured it for this resource.</summary>
    Measured,
    /// <summary>A share of its SERVICE × REGION cost line, split over the resources that cost under it.</summary>
    Allocated,
    /// <summary>No figure: the type generates no cost, or no cost line covers it.</summary>
    Unavailable,
}
