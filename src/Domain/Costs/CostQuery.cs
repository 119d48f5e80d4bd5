using System.Collections.Immutable;
using FinOps.Domain.Policy;

namespace FinOps.Domain.Costs;

/// <summary>
/// What spend to fetch: a period, a metric, and the tag keys whose untagged spend is wanted, each with the services it
/// is measured over.
/// </summary>
public sealed record CostQuery(BillingPeriod Period, CostMetric Metric, ImmutableArray<UntaggedSpendScope> Untagged)
{
    /// <summary>The tag keys whose untagged spend is wanted, in query order.</summary>
    public IEnumerable<string> UntaggedTagKeys => Untagged.IsDefault ? [] : Untagged.Select(s => s.TagKey);

    /// <summary>The query for a policy: the untagged spend of each required key over the services of the types it applies to.</summary>
    public static CostQuery ForPolicy(BillingPeriod period, CostMetric metric, TaggingPolicy policy) =>
        new(period, metric, UntaggedSpendScope.ForPolicy(policy));

    public bool Equals(CostQuery? other) =>
        other is not null && Period == other.Period && Metric == other.Metric
        && (Untagged.IsDefault ? [] : Untagged).SequenceEqual(other.Untagged.IsDefault ? [] : other.Untagged);

    public override int GetHashCode() => HashCode.Combine(Period, Metric, Untagged.IsDefault ? 0 : Untagged.Length);
}
