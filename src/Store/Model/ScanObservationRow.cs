namespace FinOps.Store.Model;

/// <summary>
/// "Scan s saw observation o in unit u" (table <c>scan_observations</c>): all an unchanged resource costs a scan. On
/// SQLite the table is WITHOUT ROWID, so a row is its three small integers in the key's B-tree and nothing else.
/// </summary>
public sealed class ScanObservationRow
{
    public long ScanSeq { get; set; }

    public int UnitId { get; set; }

    public long ObservationId { get; set; }
}
