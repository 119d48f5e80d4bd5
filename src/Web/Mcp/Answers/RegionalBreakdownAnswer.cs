using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One region's figures; a region no scan has listed has no score and no gap (null), never 1 or 0.</summary>
public sealed record RegionalBreakdownAnswer(
    [property: Description("Region code, or global for resources without a region.")] string Region,
    [property: Description("How the region's latest scan went: succeeded, failed, cancelled or not_scanned.")] string Status,
    string? FailureReason,
    [property: Description("Whether the figures measure anything. False: no scan has listed the region; score and gap are unknown (null).")] bool Measured,
    [property: Description("True when the figures come from an earlier scan because the latest one failed (see data_as_of).")] bool Stale,
    [property: Description("When the data behind the figures was observed (UTC); null when not measured.")] DateTimeOffset? DataAsOf,
    [property: Description("Compliant ÷ in scope, 0–1 (1 when nothing is in scope); null when not measured.")] double? ComplianceScore,
    [property: Description("The score as a percentage with one decimal; null when not measured.")] double? ScorePercent,
    [property: Description("True when the region was measured and no resource is in scope of a required tag: the score is then 1 by definition, not a measurement.")] bool NothingInScope,
    int TotalResources,
    int InScope,
    int Compliant,
    int NonCompliant,
    int OutOfScope,
    int Violations,
    [property: Description("The region's cost attribution gap; null when not measured.")] decimal? GapUsd,
    long? GapCents,
    [property: Description("The region's spend in the period.")] decimal TotalSpendUsd);
