namespace FinOps.Web.Mcp.Answers;

/// <summary>One broken rule on a resource's tags.</summary>
public sealed record TagViolationAnswer(
    string Kind,
    string TagKey,
    string Severity,
    string? CurrentValue,
    string Expected,
    string Message);
