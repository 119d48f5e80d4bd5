using FinOps.Domain.Scanning;

namespace FinOps.Domain.History;

/// <summary>How one unit (a resource type in a region) went in one scan.</summary>
/// <param name="Region">Region code or <c>global</c>.</param>
/// <param name="ResourceType">Catalogue type code.</param>
/// <param name="Status">Succeeded, failed or cancelled.</param>
/// <param name="FailureReason">Why it did not succeed.</param>
public sealed record UnitOutcome(string Region, string ResourceType, RegionScanStatus Status, string? FailureReason);
