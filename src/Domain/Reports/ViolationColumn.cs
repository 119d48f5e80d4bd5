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
    CostAtStakeUsd,
    CostProvenance,
}
