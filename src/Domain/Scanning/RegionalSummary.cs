namespace FinOps.Domain.Scanning;

/// <summary>One row of the regional breakdown.</summary>
/// <param name="Region">Region code or <c>global</c>.</param>
/// <param name="Status">Succeeded or failed (failed rows have no resources).</param>
/// <param name="FailureReason">Why the region failed.</param>
/// <param name="Summary">Counts and money of the region's resources.</param>
/// <param name="Costs">The region's spend, reconciled.</param>
public sealed record RegionalSummary(
    string Region,
    RegionScanStatus Status,
    string? FailureReason,
    ComplianceSummary Summary,
    CostReconciliation Costs);
