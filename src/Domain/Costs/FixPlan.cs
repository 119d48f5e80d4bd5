using System.Collections.Immutable;

namespace FinOps.Domain.Costs;

/// <summary>Where to start fixing: the resources with the most cost at stake, overall and per region.</summary>
/// <param name="Overall">Top offenders of the whole view.</param>
/// <param name="Regions">Top offenders per region, in region order (regions without a gap included).</param>
public sealed record FixPlan(GapClosure Overall, ImmutableArray<GapClosure> Regions)
{
    /// <summary>The closure of one region, or null.</summary>
    public GapClosure? Region(string region) => Regions.FirstOrDefault(r => r.Scope == region);
}
