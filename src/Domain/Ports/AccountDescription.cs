namespace FinOps.Domain.Ports;

/// <summary>Which account the product is looking at, for the header of every page and answer.</summary>
/// <param name="SourceKind"><c>sample</c> or <c>aws</c>.</param>
/// <param name="DisplayName">E.g. "Sample account" or "AWS account 123456789012".</param>
/// <param name="AccountId">The 12-digit account id, when known.</param>
/// <param name="Identity">The caller identity (ARN) the scans run as, when known.</param>
public sealed record AccountDescription(string SourceKind, string DisplayName, string? AccountId, string? Identity = null);
