using FinOps.Domain.Costs;
using FinOps.Domain.Policy;

namespace FinOps.Domain.Scanning;

/// <summary>One broken rule on one resource, with the resource's identity and the cost at stake.</summary>
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

    /// <summary>
    /// The resource's cost at stake: its whole monthly cost when it is non-compliant, else 0. The same on each of the
    /// resource's violations, so it ranks rows but must not be summed; <see cref="GapShareCents"/> sums to the gap.
    /// </summary>
    public long CostAtStakeCents => Resource.CostAtStakeCents;

    /// <summary>The resource's whole monthly cost (repeated on each of its violations).</summary>
    public long ResourceCostCents => Resource.Cost.Cents;

    /// <summary>
    /// This violation's share of the cost attribution gap: a non-compliant resource's cost split evenly over its unwaived
    /// error violations (largest remainder, to the cent); 0 for warnings, waived violations and compliant or waived resources. Summed over every
    /// violation it equals the gap.
    /// </summary>
    public long GapShareCents { get; init; }

    /// <summary>Until when an approved waiver covers this violation, or null when it is not waived.</summary>
    public DateTimeOffset? WaivedUntil { get; init; }

    /// <summary>Whether an approved, unexpired waiver covers this violation (it stays listed, with no gap share).</summary>
    public bool IsWaived => WaivedUntil is not null;

    public CostProvenance CostProvenance => Resource.Cost.Provenance;
}
