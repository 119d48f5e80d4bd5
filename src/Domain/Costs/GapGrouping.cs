namespace FinOps.Domain.Costs;

/// <summary>How the cost attribution gap is broken down.</summary>
public enum GapGrouping
{
    /// <summary>One row per region (and <c>global</c>).</summary>
    Region,
    /// <summary>One row per resource type, plus untaggable and unallocated spend.</summary>
    ResourceType,
    /// <summary>One row per Cost Explorer SERVICE.</summary>
    Service,
}
