using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of get_cost_attribution_gap.</summary>
public sealed record AttributionGapAnswer(
    string ScanId,
    [property: Description("When the resources were scanned.")] DateTimeOffset AsOf,
    [property: Description("When the cost source produced the figures.")] DateTimeOffset CostsAsOf,
    string CostSource,
    PeriodAnswer Period,
    [property: Description("unblended or amortized.")] string Metric,
    [property: Description("region, resource_type or service.")] string GroupBy,
    IReadOnlyList<string> Regions,
    GapRowAnswer Overall,
    [property: Description("The breakdown; rows add up to overall.")] IReadOnlyList<GapRowAnswer> Rows,
    IReadOnlyList<TagKeySpendAnswer> UntaggedByTagKey,
    FixPlanAnswer FixPlan,
    DataQualityAnswer DataQuality,
    string PolicyHash);
