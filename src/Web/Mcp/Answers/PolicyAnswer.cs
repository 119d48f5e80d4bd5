using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>A tagging policy.</summary>
public sealed record PolicyAnswer(
    string Version,
    [property: Description("Content hash; every cached result is keyed by it.")] string PolicyHash,
    IReadOnlyList<TagRequirementAnswer> RequiredTags,
    IReadOnlyList<TagRequirementAnswer> OptionalTags,
    PolicyRulesAnswer Rules);
