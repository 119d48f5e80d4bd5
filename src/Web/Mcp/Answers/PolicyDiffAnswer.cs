namespace FinOps.Web.Mcp.Answers;

/// <summary>Differences between the current and the converted policy.</summary>
public sealed record PolicyDiffAnswer(
    bool IsEmpty,
    IReadOnlyList<PolicyChangeAnswer> Changes,
    IReadOnlyList<string> RuleChanges);
