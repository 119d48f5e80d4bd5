namespace FinOps.Domain.Scanning;

/// <summary>A region that could not be scanned, and why (safe to show: no credentials, no stack traces).</summary>
public sealed record RegionFailure(string Region, string Reason);
