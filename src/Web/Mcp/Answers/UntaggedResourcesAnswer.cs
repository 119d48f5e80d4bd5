using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of find_untagged_resources.</summary>
public sealed record UntaggedResourcesAnswer(
    string ScanId,
    DateTimeOffset AsOf,
    string PolicyHash,
    bool FromCache,
    IReadOnlyList<string> ResourceTypes,
    IReadOnlyList<string> Regions,
    decimal MinMonthlyCostUsd,
    [property: Description("Untagged resources at or above the cost threshold (all pages).")] int TotalCount,
    [property: Description("Their monthly cost (all pages).")] decimal TotalMonthlyCostUsd,
    [property: Description("This page, highest monthly cost first.")] IReadOnlyList<UntaggedResourceAnswer> Resources,
    string? NextCursor,
    DataQualityAnswer DataQuality);
