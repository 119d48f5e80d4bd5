namespace FinOps.Web.Mcp.Answers;

/// <summary>A type that got no Custodian policy.</summary>
public sealed record CustodianSkipAnswer(
    string ResourceType,
    string Reason);
