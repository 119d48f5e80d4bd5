namespace FinOps.Domain.Reports;

/// <summary>A column of the violations CSV.</summary>
public enum ViolationColumn
{
    Region,
    ResourceType,
    Arn,
    ResourceName,
    TagKey,
    Kind,
    Severity,
    CurrentValue,
    Expected,
    Message,
    /// <summary>The resource's whole monthly cost, repeated on each of its violations (rank by it; never sum it).</summary>
    ResourceCostUsd,

    /// <summary>This violation's share of the cost attribution gap (sums to the gap).</summary>
    GapShareUsd,
    CostProvenance,

    /// <summary>Until when an approved waiver covers the violation (ISO 8601 UTC); empty when it is not waived.</summary>
    WaivedUntil,
}
