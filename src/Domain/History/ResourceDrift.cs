using System.Collections.Immutable;
using FinOps.Domain.Policy;

namespace FinOps.Domain.History;

/// <summary>What changed on one resource between two states, and how much of the cost attribution gap it moved.</summary>
/// <param name="Arn">The resource.</param>
/// <param name="ResourceType">Its type.</param>
/// <param name="Region">Its region (the later one when it moved).</param>
/// <param name="Name">Its name, when it has one.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Tags">Tags added, removed or changed (key, before → after), in key order.</param>
/// <param name="NewViolations">Violations the later state has and the earlier did not (judged by each scan's policy).</param>
/// <param name="FixedViolations">Violations the earlier state had and the later does not.</param>
/// <param name="GapBeforeCents">Its cost at stake in the earlier state (0 when compliant, out of scope or absent).</param>
/// <param name="GapAfterCents">Its cost at stake in the later state.</param>
public sealed record ResourceDrift(
    string Arn,
    string ResourceType,
    string Region,
    string? Name,
    ResourceDriftKind Kind,
    ImmutableArray<TagChange> Tags,
    ImmutableArray<TagViolation> NewViolations,
    ImmutableArray<TagViolation> FixedViolations,
    long GapBeforeCents,
    long GapAfterCents)
{
    /// <summary>How much the gap grew (positive) or shrank (negative) because of this resource.</summary>
    public long GapMovedCents => GapAfterCents - GapBeforeCents;
}
