using System.Data.Common;
using FinOps.Store.Sql;

namespace FinOps.Store.History;

/// <summary>Reads rows of <c>scans</c>.</summary>
internal static class ScanEntries
{
    private const string Columns =
        "seq, scan_id, started_ticks, completed_ticks, status, policy_hash, policy_version, cost_snapshot_id, cost_failure, covers_every_region, record, detail_dropped";

    /// <summary>The scan with this id, or null.</summary>
    public static async Task<ScanEntry?> FindAsync(DbConnection connection, DbTransaction? transaction, string scanId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, $"SELECT {Columns} FROM scans WHERE scan_id = @id").With("@id", scanId);
        var found = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The newest scan, or null.</summary>
    public static async Task<ScanEntry?> NewestAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, $"SELECT {Columns} FROM scans WHERE seq = (SELECT MAX(seq) FROM scans)");
        var found = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Every scan saved up to (and including) <paramref name="seq"/>, oldest first.</summary>
    public static async Task<List<ScanEntry>> UpToAsync(DbConnection connection, DbTransaction? transaction, long seq, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, $"SELECT {Columns} FROM scans WHERE seq <= @seq ORDER BY seq").With("@seq", seq);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of scans, newest first, older than <paramref name="beforeSeq"/> when given.</summary>
    public static async Task<List<ScanEntry>> PageAsync(DbConnection connection, DbTransaction? transaction, long? beforeSeq, int count, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction,
            $"SELECT {Columns} FROM scans WHERE seq < @before ORDER BY seq DESC LIMIT @count")
            .With("@before", beforeSeq ?? long.MaxValue).With("@count", count);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<ScanEntry>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ScanEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ScanEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                reader.GetInt32(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetBoolean(9),
                (byte[])reader.GetValue(10),
                reader.GetBoolean(11)));
        }

        return entries;
    }
}
