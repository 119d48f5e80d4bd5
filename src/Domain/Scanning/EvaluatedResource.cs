using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>A resource in a scan result: its tags' verdict and its cost for the period.</summary>
public sealed record EvaluatedResource(
    CloudResource Resource,
    ImmutableArray<TagViolation> Violations,
    bool InScope,
    bool Compliant,
    ResourceCost Cost)
{
    public string Arn => Resource.Arn;
    public string Region => Resource.Region;
    public string Type => Resource.Type;

    /// <summary>The spend that cannot be attributed because this resource breaks the policy (0 when compliant or out of scope).</summary>
    public long CostAtStakeCents => InScope && !Compliant ? Cost.Cents : 0;

    /// <summary>Whether the resource has no tags at all.</summary>
    public bool IsUntagged => Resource.Tags.IsDefaultOrEmpty;
}
