using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>A tag the policy requires or checks.</summary>
public sealed record TagRequirementAnswer(
    string Key,
    string? Description,
    [property: Description("When not empty, the value must be one of these.")] IReadOnlyList<string> AllowedValues,
    [property: Description("When set, the whole value must match this regular expression.")] string? Pattern,
    [property: Description("Resource types it applies to; empty for every type.")] IReadOnlyList<string> AppliesTo,
    [property: Description("error or warning (optional tags are always warnings).")] string Severity);
