using System.Collections.Immutable;

namespace FinOps.Domain.Costs;

/// <summary>What spend to fetch: a period, a metric, and the tag keys whose untagged spend is wanted.</summary>
public sealed record CostQuery(BillingPeriod Period, CostMetric Metric, ImmutableArray<string> UntaggedTagKeys)
{
    public bool Equals(CostQuery? other) =>
        other is not null && Period == other.Period && Metric == other.Metric && UntaggedTagKeys.SequenceEqual(other.UntaggedTagKeys);

    public override int GetHashCode() => HashCode.Combine(Period, Metric, UntaggedTagKeys.Length);
}
