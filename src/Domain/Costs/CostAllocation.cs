using System.Collections.Immutable;

namespace FinOps.Domain.Costs;

/// <summary>The outcome of spreading a period's spend over a scan's resources.</summary>
/// <param name="ResourceCosts">One figure per resource, in the order the resources were given.</param>
/// <param name="Regions">Per region: total, untaggable and unallocated spend.</param>
/// <param name="Snapshot">The cost data the figures were derived from.</param>
/// <param name="Notes">Anything a reader should know about the figures (e.g. measured costs above their line).</param>
/// <param name="Lines">How each SERVICE × REGION line was spread, ordered by region then service.</param>
public sealed record CostAllocation(
    ImmutableArray<ResourceCost> ResourceCosts,
    ImmutableArray<RegionSpend> Regions,
    CostSnapshot Snapshot,
    ImmutableArray<string> Notes,
    ImmutableArray<LineAllocation> Lines = default)
{
    /// <summary>The lines, never default.</summary>
    public ImmutableArray<LineAllocation> LineAllocations => Lines.IsDefault ? [] : Lines;
}
