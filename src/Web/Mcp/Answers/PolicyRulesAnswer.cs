namespace FinOps.Web.Mcp.Answers;

/// <summary>Policy-wide matching rules.</summary>
public sealed record PolicyRulesAnswer(
    bool CaseSensitiveKeys,
    bool CaseSensitiveValues,
    int MaxKeyLength,
    int MaxValueLength);
