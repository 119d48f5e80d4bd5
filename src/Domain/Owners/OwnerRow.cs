using System.Collections.Immutable;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Owners;

/// <summary>One owner's share of a result: their resources and the figures over them.</summary>
/// <param name="Owner">The owner.</param>
/// <param name="Resources">Their resources, in the result's order.</param>
/// <param name="Summary">Counts, score and gap over their resources (by <see cref="ComplianceAggregator.Summarize"/>).</param>
/// <param name="SpendAtStakeCents">The whole monthly cost of their resources with at least one violation (errors or warnings).</param>
public sealed record OwnerRow(Owner Owner, ImmutableArray<EvaluatedResource> Resources, ComplianceSummary Summary, long SpendAtStakeCents)
{
    public string Name => Owner.Name;

    /// <summary>Their share of the cost attribution gap.</summary>
    public long GapCents => Summary.GapCents;

    /// <summary>The monthly cost of their resources whose every violation is waived (out of the gap and the score).</summary>
    public long WaivedCents => Summary.WaivedCents;
}
