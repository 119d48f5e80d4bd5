using System.Collections.Immutable;

namespace FinOps.Domain.Costs;

/// <summary>What a caller asks of the attribution gap.</summary>
/// <param name="Period">Another billing period than the scan's; null keeps the scan's.</param>
/// <param name="Metric">Another metric than the scan's; null keeps the scan's.</param>
/// <param name="GroupBy">How rows are broken down.</param>
/// <param name="Regions">Regions to narrow to; empty keeps the view's regions.</param>
/// <param name="Top">Offenders listed per region in the fix plan.</param>
public sealed record AttributionGapQuery(
    BillingPeriod? Period = null,
    CostMetric? Metric = null,
    GapGrouping GroupBy = GapGrouping.Region,
    ImmutableArray<string> Regions = default,
    int Top = FixRanking.DefaultTop)
{
    /// <summary>The regions, never default.</summary>
    public ImmutableArray<string> RegionFilter => Regions.IsDefault ? [] : Regions;

    public bool Equals(AttributionGapQuery? other) =>
        other is not null && Period == other.Period && Metric == other.Metric && GroupBy == other.GroupBy
        && RegionFilter.SequenceEqual(other.RegionFilter) && Top == other.Top;

    public override int GetHashCode() => HashCode.Combine(Period, Metric, GroupBy, RegionFilter.Length, Top);
}
