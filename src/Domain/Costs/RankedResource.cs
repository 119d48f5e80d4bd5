using System.Collections.Immutable;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Costs;

/// <summary>A non-compliant resource in the fix ranking: fixing its broken required tags moves its cost out of the gap.</summary>
/// <param name="Rank">1 for the highest cost at stake.</param>
/// <param name="Resource">The resource.</param>
/// <param name="BrokenTagKeys">The tag keys of its error violations, sorted.</param>
public sealed record RankedResource(int Rank, EvaluatedResource Resource, ImmutableArray<string> BrokenTagKeys)
{
    public string Arn => Resource.Arn;
    public string Region => Resource.Region;
    public string ResourceType => Resource.Type;
    public string? Name => Resource.Resource.Name;

    /// <summary>What fixing it closes of the gap.</summary>
    public long CostAtStakeCents => Resource.CostAtStakeCents;

    public CostProvenance CostProvenance => Resource.Cost.Provenance;
}
