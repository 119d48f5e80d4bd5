using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The verdict on one ARN.</summary>
public sealed record ResourceValidationAnswer(
    string Arn,
    [property: Description("compliant, non_compliant, out_of_scope or not_found (not in any scan result: never judged).")] string Status,
    string? ResourceType,
    string? Region,
    string? Name,
    IReadOnlyList<TagAnswer> Tags,
    IReadOnlyList<TagViolationAnswer> Violations,
    decimal? MonthlyCostUsd,
    decimal? CostAtStakeUsd,
    string? ScanId,
    DateTimeOffset? AsOf,
    string? Note);
