using System.Data.Common;
using FinOps.Domain.History;
using FinOps.Store.Sql;

namespace FinOps.Store.History;

/// <summary>
/// Retention: scans finished before the cut-off lose their per-resource detail (their record, unit outcomes and trend
/// points stay), except what the state as of any kept scan still shows — for each unit the latest successful listing
/// before a kept scan — so the current state and every kept scan's state stay whole. Then the observations and
/// resources nothing refers to any more go.
/// </summary>
internal sealed class HistoryCompactor(HistoryDatabase database, DbConnection connection, DbTransaction transaction)
{
    public async Task<CompactionOutcome> CompactAsync(DateTimeOffset keepSince, CancellationToken cancellationToken)
    {
        // Which scans keep their detail: those finished since the cut-off, and always the newest (the current state).
        var scans = new List<(long Seq, long Completed, bool Dropped)>();
        await using (var command = connection.Command(transaction, "SELECT seq, completed_ticks, detail_dropped FROM scans ORDER BY seq"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                scans.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2)));
            }
        }

        if (scans.Count == 0)
        {
            return new CompactionOutcome(0, 0);
        }

        var newest = scans[^1].Seq;
        var cutOff = keepSince.UtcTicks;
        var kept = scans.Where(s => s.Completed >= cutOff || s.Seq == newest).Select(s => s.Seq).ToArray();
        var compacting = scans.Where(s => s.Completed < cutOff && s.Seq != newest && !s.Dropped).Select(s => s.Seq).ToHashSet();
        if (compacting.Count == 0)
        {
            return new CompactionOutcome(0, 0);
        }

        // A successful listing (unit, seq) is still shown by a kept scan S when S ≥ seq and the unit's next successful
        // listing comes after S.
        var successes = new List<(int Unit, long Seq)>();
        await using (var command = connection.Command(transaction,
            $"SELECT unit_id, scan_seq FROM unit_outcomes WHERE status = {StateQueries.Succeeded} ORDER BY unit_id, scan_seq"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                successes.Add((reader.GetInt32(0), reader.GetInt64(1)));
            }
        }

        await using var drop = connection.Command(transaction, "DELETE FROM scan_observations WHERE scan_seq = @seq AND unit_id = @unit")
            .With("@seq", 0L).With("@unit", 0);
        for (var i = 0; i < successes.Count; i++)
        {
            var (unit, seq) = successes[i];
            if (!compacting.Contains(seq))
            {
                continue;
            }

            var next = i + 1 < successes.Count && successes[i + 1].Unit == unit ? successes[i + 1].Seq : long.MaxValue;
            if (ShownByKeptScan(kept, seq, next))
            {
                continue;
            }

            drop.Parameters[0].Value = seq;
            drop.Parameters[1].Value = unit;
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var mark = connection.Command(transaction, "UPDATE scans SET detail_dropped = @dropped WHERE seq = @seq")
            .With("@dropped", true).With("@seq", 0L))
        {
            foreach (var seq in compacting)
            {
                mark.Parameters[1].Value = seq;
                await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var removed = await connection.ExecuteAsync(transaction, database.DeleteOrphanObservationsSql, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(transaction, database.ClearDanglingHintsSql, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(transaction, database.DeleteOrphanResourcesSql, cancellationToken).ConfigureAwait(false);
        return new CompactionOutcome(compacting.Count, removed);
    }

    /// <summary>Whether a kept scan lies in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    private static bool ShownByKeptScan(long[] kept, long from, long until)
    {
        var index = Array.BinarySearch(kept, from);
        if (index < 0)
        {
            index = ~index;
        }

        return index < kept.Length && kept[index] < until;
    }
}
