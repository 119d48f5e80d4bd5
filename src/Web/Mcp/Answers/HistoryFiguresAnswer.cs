using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The headline figures history kept for one part of the account right after a scan.</summary>
public sealed record HistoryFiguresAnswer(
    [property: Description("False when no scan had listed this part yet: score and gap are unknown (null), not zero.")] bool Measured,
    [property: Description("Compliant ÷ in scope (0–1); null when not measured.")] double? ComplianceScore,
    double? ScorePercent,
    [property: Description("True when measured and nothing is in scope of a required tag: the score is then 1 by definition.")] bool NothingInScope,
    [property: Description("The cost attribution gap in US dollars; null when not measured.")] decimal? CostAttributionGapUsd,
    long GapCents,
    int Violations,
    int ErrorViolations,
    int InScope,
    int Compliant,
    int TotalResources,
    [property: Description("The spend in view, US dollars.")] decimal TotalSpendUsd);
