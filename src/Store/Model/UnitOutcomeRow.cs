namespace FinOps.Store.Model;

/// <summary>How one unit went in one scan (table <c>unit_outcomes</c>, key scan then unit).</summary>
public sealed class UnitOutcomeRow
{
    public long ScanSeq { get; set; }

    public int UnitId { get; set; }

    /// <summary><see cref="Domain.Scanning.RegionScanStatus"/> as its number.</summary>
    public int Status { get; set; }

    public string? FailureReason { get; set; }
}
