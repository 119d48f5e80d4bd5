namespace FinOps.Store.Model;

/// <summary>
/// One finished scan (table <c>scans</c>). <see cref="Seq"/> is the order scans were saved in, which is the order they
/// were applied to the account state. Times are UTC ticks so both databases order and compare them as integers.
/// </summary>
public sealed class ScanRow
{
    public long Seq { get; set; }

    public string ScanId { get; set; } = "";

    public long StartedTicks { get; set; }

    public long CompletedTicks { get; set; }

    /// <summary><see cref="Domain.Scanning.DataQualityStatus"/> as its number.</summary>
    public int Status { get; set; }

    public string PolicyHash { get; set; } = "";

    public string PolicyVersion { get; set; } = "";

    /// <summary>The spend the scan fetched; null when it could not (see <see cref="CostFailure"/>).</summary>
    public long? CostSnapshotId { get; set; }

    public string? CostFailure { get; set; }

    /// <summary>Whether the scan had no region filter (it then sets the state's scannable and skipped regions).</summary>
    public bool CoversEveryRegion { get; set; }

    /// <summary>The rest of the record (account, scope, notes, discovery, regions, coverage): compressed JSON.</summary>
    public byte[] Record { get; set; } = [];

    /// <summary>Whether compaction dropped the scan's per-resource detail (its record, units and trend points stay).</summary>
    public bool DetailDropped { get; set; }
}
