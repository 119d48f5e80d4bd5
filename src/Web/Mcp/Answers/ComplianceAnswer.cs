using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of check_tag_compliance.</summary>
public sealed record ComplianceAnswer(
    [property: Description("The scan the figures come from.")] string ScanId,
    [property: Description("When the data was collected.")] DateTimeOffset AsOf,
    [property: Description("Content hash of the tagging policy the resources were judged by.")] string PolicyHash,
    [property: Description("Whether the answer came from a cached scan (no scan ran for this call).")] bool FromCache,
    [property: Description("The resource types covered.")] IReadOnlyList<string> ResourceTypes,
    [property: Description("The region filter; empty for every scanned region.")] IReadOnlyList<string> Regions,
    [property: Description("Whether the figures measure anything. False: no scan has listed these regions; score and gap are unknown (null).")] bool Measured,
    [property: Description("Compliant ÷ in scope, 0–1 (1 when nothing is in scope); null when not measured.")] double? ComplianceScore,
    double? ScorePercent,
    [property: Description("True when the scope was measured and no resource is in scope of a required tag: the score is then 1 by definition, not a measurement.")] bool NothingInScope,
    int TotalResources,
    int InScope,
    int Compliant,
    int NonCompliant,
    int OutOfScope,
    [property: Description("Violations passing the severity filter (all pages).")] int ViolationCount,
    [property: Description("This page, highest cost at stake first.")] IReadOnlyList<ViolationAnswer> Violations,
    [property: Description("Pass as cursor (with the same arguments) for the next page; null on the last page.")] string? NextCursor,
    [property: Description("Monthly spend of in-scope resources that break the policy.")] MoneyAnswer CostAttributionGap,
    IReadOnlyList<RegionalBreakdownAnswer> RegionalBreakdown,
    RegionMetadataAnswer RegionMetadata,
    DataQualityAnswer DataQuality,
    [property: Description("In-scope, non-compliant resources whose every error violation an approved, unexpired waiver covers: out of the score's denominator (score = compliant ÷ (in scope − waived)) and out of the gap.")] int Waived = 0,
    [property: Description("Monthly spend of waived resources: its own line, never in the gap (total = attributable + gap + waived + out of scope + untaggable + unallocated).")] decimal WaivedUsd = 0);
