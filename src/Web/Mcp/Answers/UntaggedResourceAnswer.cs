using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>A resource without tags or missing required tags.</summary>
public sealed record UntaggedResourceAnswer(
    string Arn,
    string ResourceType,
    string Region,
    string? Name,
    decimal MonthlyCostUsd,
    string CostProvenance,
    [property: Description("The resource carries no tag at all.")] bool HasNoTags,
    bool InScope,
    [property: Description("Required tag keys it lacks.")] IReadOnlyList<string> MissingTags,
    decimal CostAtStakeUsd);
