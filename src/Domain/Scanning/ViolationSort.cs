namespace FinOps.Domain.Scanning;

/// <summary>What a violation list is ordered by (ties: cost at stake descending, then ARN, tag key, kind).</summary>
public enum ViolationSort
{
    CostAtStake,
    Arn,
    ResourceName,
    Region,
    ResourceType,
    TagKey,
    Kind,
    Severity,
}
