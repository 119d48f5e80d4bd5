namespace FinOps.Web.Mcp.Answers;

/// <summary>A tag on a resource.</summary>
public sealed record TagAnswer(
    string Key,
    string Value);
