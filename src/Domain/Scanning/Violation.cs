using FinOps.Domain.Costs;
using FinOps.Domain.Policy;

namespace FinOps.Domain.Scanning;

/// <summary>One broken rule on one resource, with the resource's identity and the cost at stake (PRODUCT.md §2).</summary>
public sealed record Violation(EvaluatedResource Resource, TagViolation Detail)
{
    public string Arn => Resource.Arn;
    public string ResourceType => Resource.Type;
    public string Region => Resource.Region;
    public string? ResourceName => Resource.Resource.Name;
    public ViolationKind Kind => Detail.Kind;
    public string TagKey => Detail.TagKey;
    public Severity Severity => Detail.Severity;
    public string? CurrentValue => Detail.CurrentValue;
    public string Expected => Detail.Expected;
    public string Message => Detail.Message;

    /// <summary>The resource's cost at stake (its whole cost when this violation makes it non-compliant).</summary>
    public long CostAtStakeCents => Resource.CostAtStakeCents;

    public CostProvenance CostProvenance => Resource.Cost.Provenance;
}
