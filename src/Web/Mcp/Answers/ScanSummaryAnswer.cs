using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The figures of a finished scan.</summary>
public sealed record ScanSummaryAnswer(
    [property: Description("Whether the figures measure anything. False: no region of the scan was listed; score and gap are unknown (null).")] bool Measured,
    double? ComplianceScore,
    double? ScorePercent,
    [property: Description("True when the scan measured something and no resource is in scope of a required tag: the score is then 1 by definition, not a measurement.")] bool NothingInScope,
    int TotalResources,
    int InScope,
    int Compliant,
    int NonCompliant,
    int OutOfScope,
    int Violations,
    MoneyAnswer CostAttributionGap,
    RegionMetadataAnswer RegionMetadata,
    DataQualityAnswer DataQuality,
    string PolicyHash,
    DateTimeOffset AsOf);
