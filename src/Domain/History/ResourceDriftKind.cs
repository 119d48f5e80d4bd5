namespace FinOps.Domain.History;

/// <summary>How a resource changed between two states.</summary>
public enum ResourceDriftKind
{
    /// <summary>Listed in the later state only.</summary>
    Added,

    /// <summary>Listed in the earlier state only.</summary>
    Removed,

    /// <summary>Listed in both, observed differently (tags, state, name…).</summary>
    Changed,
}
