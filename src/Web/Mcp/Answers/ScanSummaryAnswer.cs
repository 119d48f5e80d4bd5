namespace FinOps.Web.Mcp.Answers;

/// <summary>The figures of a finished scan.</summary>
public sealed record ScanSummaryAnswer(
    double ComplianceScore,
    double ScorePercent,
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
