using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One broken rule on one resource.</summary>
public sealed record ViolationAnswer(
    string Arn,
    string ResourceType,
    string Region,
    string? ResourceName,
    [property: Description("missing_required_tag, key_case_mismatch, invalid_value, invalid_format or value_too_long.")] string Kind,
    string TagKey,
    [property: Description("error (counts against compliance) or warning.")] string Severity,
    [property: Description("The value found (for a case mismatch, the key found); null when missing.")] string? CurrentValue,
    [property: Description("What the policy accepts.")] string Expected,
    string Message,
    [property: Description("The resource's whole monthly cost, repeated on each of its violations: rank by it, never sum it.")] decimal ResourceCostUsd,
    [property: Description("This violation's share of the cost attribution gap (the resource's cost split over its error violations; 0 for warnings). Summed over every violation it equals the gap.")] decimal GapShareUsd,
    [property: Description("measured, allocated or unavailable.")] string CostProvenance,
    [property: Description("Until when an approved waiver covers this violation (it then has no gap share); null when it is not waived.")] DateTimeOffset? WaivedUntil = null);
