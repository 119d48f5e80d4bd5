using FinOps.Domain.Scanning;

namespace FinOps.Domain.State;

/// <summary>The latest scan that tried to list a unit, and how it went.</summary>
/// <param name="ScanId">The scan.</param>
/// <param name="At">When that scan finished.</param>
/// <param name="Status">Succeeded, failed or cancelled.</param>
/// <param name="FailureReason">Why it did not succeed.</param>
public sealed record UnitAttempt(string ScanId, DateTimeOffset At, RegionScanStatus Status, string? FailureReason)
{
    public bool Succeeded => Status == RegionScanStatus.Succeeded;
}
