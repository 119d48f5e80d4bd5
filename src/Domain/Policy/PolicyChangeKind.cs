namespace FinOps.Domain.Policy;

/// <summary>How a tag differs between two policies.</summary>
public enum PolicyChangeKind
{
    Added,
    Removed,
    Changed,
}
