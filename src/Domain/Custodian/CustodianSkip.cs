namespace FinOps.Domain.Custodian;

/// <summary>A requested type that got no Custodian policy, and why.</summary>
public sealed record CustodianSkip(string ResourceType, string Reason);
