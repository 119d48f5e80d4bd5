using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One region's figures.</summary>
public sealed record RegionalBreakdownAnswer(
    [property: Description("Region code, or global for resources without a region.")] string Region,
    [property: Description("succeeded or failed (failed regions have no resources).")] string Status,
    string? FailureReason,
    [property: Description("Compliant ÷ in scope, 0–1 (1 when nothing is in scope).")] double ComplianceScore,
    [property: Description("The score as a percentage with one decimal.")] double ScorePercent,
    [property: Description("True when no resource is in scope of a required tag: the score is then 1 by definition, not a measurement.")] bool NothingInScope,
    int TotalResources,
    int InScope,
    int Compliant,
    int NonCompliant,
    int OutOfScope,
    int Violations,
    [property: Description("The region's cost attribution gap.")] decimal GapUsd,
    long GapCents,
    [property: Description("The region's spend in the period.")] decimal TotalSpendUsd);
