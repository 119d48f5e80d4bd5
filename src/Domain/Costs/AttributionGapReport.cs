using System.Collections.Immutable;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Costs;

/// <summary>
/// The cost attribution gap of a result, broken down by region, resource type or service, every figure labelled
/// with its provenance and explained in one sentence. Built from a <see cref="ComplianceResult"/> only.
/// </summary>
/// <param name="Account">The account.</param>
/// <param name="Period">The billing period of the figures.</param>
/// <param name="Metric">The cost metric of the figures.</param>
/// <param name="GroupBy">How <see cref="Rows"/> are broken down.</param>
/// <param name="Regions">The regions the figures cover (the filter, or every region of the view).</param>
/// <param name="AsOf">When the resources were scanned.</param>
/// <param name="CostsAsOf">When the cost source produced the figures.</param>
/// <param name="CostSource">Where the figures come from.</param>
/// <param name="Overall">The whole view; reconciles to the cent.</param>
/// <param name="Rows">The breakdown; rows add up to <see cref="Overall"/>.</param>
/// <param name="UntaggedByTagKey">Per required tag key, the spend without it.</param>
/// <param name="FixPlan">Top offenders overall and per region.</param>
/// <param name="DataQuality">Whether the figures cover everything.</param>
/// <param name="Notes">What a reader should know (failed regions, unknown filter regions, measurement caveats).</param>
public sealed record AttributionGapReport(
    AccountDescription Account,
    BillingPeriod Period,
    CostMetric Metric,
    GapGrouping GroupBy,
    ImmutableArray<string> Regions,
    DateTimeOffset AsOf,
    DateTimeOffset CostsAsOf,
    string CostSource,
    AttributionGapRow Overall,
    ImmutableArray<AttributionGapRow> Rows,
    ImmutableArray<TagKeySpend> UntaggedByTagKey,
    FixPlan FixPlan,
    DataQualityStatus DataQuality,
    ImmutableArray<string> Notes)
{
    /// <summary>Builds the report of a result (already priced for the wanted period and narrowed to the wanted regions).</summary>
    public static AttributionGapReport From(ComplianceResult result, GapGrouping groupBy = GapGrouping.Region,
        int top = FixRanking.DefaultTop, IEnumerable<string>? extraNotes = null) =>
        GapBreakdown.Build(result, groupBy, top, extraNotes ?? []);
}
