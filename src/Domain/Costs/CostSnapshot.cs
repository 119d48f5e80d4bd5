using System.Collections.Immutable;

namespace FinOps.Domain.Costs;

/// <summary>Everything a cost source knows about one period.</summary>
/// <param name="Period">The billing period.</param>
/// <param name="Metric">The metric the amounts are in.</param>
/// <param name="Lines">Spend by SERVICE × REGION; each (service, region) appears once.</param>
/// <param name="MeasuredResourceCosts">Cost per ARN where the source measures it (may be empty).</param>
/// <param name="UntaggedByTagKey">
/// Measured untagged spend per tag key, where the source offers it (may be empty): per region (region → cents) when the
/// source breaks it down, otherwise account-wide.
/// </param>
/// <param name="AsOf">When the source produced the figures.</param>
/// <param name="SourceLabel">Where the figures come from, e.g. "Cost Explorer" or "Sample account".</param>
public sealed record CostSnapshot(
    BillingPeriod Period,
    CostMetric Metric,
    ImmutableArray<CostLine> Lines,
    IReadOnlyDictionary<string, long> MeasuredResourceCosts,
    ImmutableArray<UntaggedSpend> UntaggedByTagKey,
    DateTimeOffset AsOf,
    string SourceLabel)
{
    /// <summary>A snapshot with no spend at all (no cost source, or an empty period).</summary>
    public static CostSnapshot Empty(BillingPeriod period, CostMetric metric, DateTimeOffset asOf, string sourceLabel) =>
        new(period, metric, [], new Dictionary<string, long>(), [], asOf, sourceLabel);
}
