namespace FinOps.Web.Mcp.Answers;

/// <summary>A non-compliant resource ranked by cost at stake.</summary>
public sealed record RankedResourceAnswer(
    int Rank,
    string Arn,
    string? Name,
    string ResourceType,
    string Region,
    IReadOnlyList<string> BrokenTags,
    decimal CostAtStakeUsd,
    string CostProvenance);
