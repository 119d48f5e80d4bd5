using System.Collections.Immutable;
using System.Data.Common;
using FinOps.Domain.Costs;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.State;
using FinOps.Store.Codecs;
using FinOps.Store.Sql;

namespace FinOps.Store.History;

/// <summary>
/// Rebuilds the account state right after a kept scan, as <see cref="AccountState.Apply"/> would have left it after
/// every scan saved up to it: per unit the latest successful observation and the latest attempt; the newest spend
/// fetched; the context of the scan itself; scannable and skipped regions and coverage folded in save order.
/// </summary>
internal static class StateReader
{
    public static async Task<AccountState> ReadAsync(DbConnection connection, DbTransaction? transaction, ScanEntry asOf, CancellationToken cancellationToken)
    {
        var scans = await ScanEntries.UpToAsync(connection, transaction, asOf.Seq, cancellationToken).ConfigureAwait(false);
        var bySeq = scans.ToDictionary(s => s.Seq);
        var units = await UnitCatalog.ReadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        // Context folded as Apply folds it: scannable/skipped regions from the newest scan of the whole account (or the
        // first scan at all), coverage per type from the newest scan reporting it.
        ImmutableArray<string> scannable = [];
        ImmutableArray<string> skipped = [];
        var coverage = new Dictionary<string, TypeCoverage>(StringComparer.Ordinal);
        RecordContext? context = null;
        foreach (var scan in scans)
        {
            context = RecordContextCodec.Decode(scan.Record);
            if (scan.CoversEveryRegion || scannable.IsEmpty)
            {
                scannable = context.ScannableRegions;
            }

            if (scan.CoversEveryRegion || skipped.IsEmpty)
            {
                skipped = context.SkippedRegions;
            }

            foreach (var c in context.Coverage)
            {
                coverage[c.ResourceType] = c;
            }
        }

        var latestOk = new Dictionary<int, long>();
        await using (var command = connection.Command(transaction, StateQueries.LatestSuccess("asOf")).With("@asOf", asOf.Seq))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                latestOk[reader.GetInt32(0)] = reader.GetInt64(1);
            }
        }

        var resources = latestOk.Keys.ToDictionary(u => u, _ => new List<CloudResource>());
        await using (var command = connection.Command(transaction, StateQueries.Observations).With("@asOf", asOf.Seq))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            // Payloads are copied into one reused buffer, and repeated texts (tag keys and values, states, VPCs) decoded
            // to one shared string each: the restore allocates little more than the state it builds.
            var strings = new StringTable();
            var payload = new byte[1024];
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var unitId = reader.GetInt32(0);
                var unit = units[unitId];
                var length = (int)reader.GetBytes(2, 0, null, 0, 0);
                if (length > payload.Length)
                {
                    payload = new byte[Math.Max(length, payload.Length * 2)];
                }

                reader.GetBytes(2, 0, payload, 0, length);
                resources[unitId].Add(ObservationCodec.Read(payload.AsSpan(0, length), reader.GetString(1), unit.ResourceType, unit.Region, strings));
            }
        }

        var states = new List<UnitState>(latestOk.Count);
        await using (var command = connection.Command(transaction, StateQueries.LatestAttempts).With("@asOf", asOf.Seq))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var unitId = reader.GetInt32(0);
                var attemptScan = bySeq[reader.GetInt64(1)];
                var attempt = new UnitAttempt(attemptScan.ScanId, attemptScan.CompletedAt, (RegionScanStatus)reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3));
                UnitObservation? observation = null;
                if (latestOk.TryGetValue(unitId, out var okSeq))
                {
                    var listed = resources[unitId];
                    listed.Sort(static (a, b) => string.CompareOrdinal(a.Arn, b.Arn));
                    var okScan = bySeq[okSeq];
                    observation = new UnitObservation(okScan.ScanId, okScan.CompletedAt, [.. listed]);
                }

                states.Add(new UnitState(units[unitId], observation, attempt));
            }
        }

        var costScan = scans.LastOrDefault(s => s.CostFailure is null && s.CostSnapshotId is not null);
        CostSnapshot? costs = costScan is null ? null : await ReadCostsAsync(connection, transaction, costScan.CostSnapshotId!.Value, cancellationToken).ConfigureAwait(false);
        return AccountState.Restore(
            scans.Count,
            states,
            costs,
            asOf.CostFailure,
            context!.Account,
            context.Discovery,
            scannable,
            skipped,
            coverage.Values,
            asOf.ScanId,
            scans.Max(s => s.CompletedAt));
    }

    private static async Task<CostSnapshot> ReadCostsAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, "SELECT payload FROM cost_snapshots WHERE id = @id").With("@id", id);
        var payload = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[] ?? throw PayloadReader.Corrupt();
        return CostSnapshotCodec.Decode(Compression.Decompress(payload));
    }
}
