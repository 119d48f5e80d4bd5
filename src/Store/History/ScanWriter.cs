using System.Data.Common;
using FinOps.Domain.History;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.State;
using FinOps.Store.Codecs;
using FinOps.Store.Sql;

namespace FinOps.Store.History;

/// <summary>
/// Writes one finished scan inside the caller's transaction: its record, units, trend points, the policy and the spend
/// (each once per content), and per resource a reference to its observation, storing a new observation only when it
/// differs from the resource's newest one. Resources are handled one unit at a time, so memory holds the archive plus
/// one unit's worth of lookups, however large the scan.
/// </summary>
internal sealed class ScanWriter(HistoryDatabase database, DbConnection connection, DbTransaction transaction)
{
    /// <summary>Writes the scan; false when a scan with its id is already kept (saving again changes nothing).</summary>
    public async Task<bool> WriteAsync(ScanArchive archive, CancellationToken cancellationToken)
    {
        var record = archive.Record;
        if (await connection.ScalarAsync(transaction, "SELECT seq FROM scans WHERE scan_id = @id", cancellationToken,
                ("@id", record.ScanId)).ConfigureAwait(false) is not null)
        {
            return false;
        }

        var seq = await NextIdAsync("scans", "seq", cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(transaction,
            "INSERT INTO policies (hash, version, document) VALUES (@hash, @version, @document) ON CONFLICT (hash) DO NOTHING",
            cancellationToken, ("@hash", record.PolicyHash), ("@version", archive.Policy.Version),
            ("@document", TaggingPolicyJson.Serialize(archive.Policy, indented: false))).ConfigureAwait(false);

        long? costId = record.CostFailure is null ? await CostSnapshotIdAsync(archive, cancellationToken).ConfigureAwait(false) : null;
        var units = await UnitIdsAsync(record, archive.Resources, cancellationToken).ConfigureAwait(false);

        await using (var outcomes = new BatchInsert(connection, transaction, "unit_outcomes", ["scan_seq", "unit_id", "status", "failure_reason"]))
        {
            foreach (var unit in record.Units)
            {
                outcomes.Value(seq).Value(units[new ScanUnit(unit.Region, unit.ResourceType)]).Value((int)unit.Status).Value(unit.FailureReason);
                await outcomes.EndRowAsync(cancellationToken).ConfigureAwait(false);
            }

            await outcomes.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var trend = new BatchInsert(connection, transaction, "trend_points",
            ["scan_seq", "position", "dimension", "key", "at_ticks", "measured", "total_resources", "in_scope", "compliant",
             "violations", "error_violations", "gap_cents", "spend_cents"], rowsPerStatement: 50))
        {
            var position = 0;
            foreach (var f in archive.Figures.IsDefault ? [] : archive.Figures)
            {
                trend.Value(seq).Value(position++).Value((int)f.Dimension).Value(f.Key).Value(record.CompletedAt.UtcTicks).Value(f.Measured)
                    .Value(f.TotalResources).Value(f.InScope).Value(f.Compliant).Value(f.Violations).Value(f.ErrorViolations)
                    .Value(f.GapCents).Value(f.TotalSpendCents);
                await trend.EndRowAsync(cancellationToken).ConfigureAwait(false);
            }

            await trend.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        var succeeded = record.Units.Where(u => u.Status == RegionScanStatus.Succeeded)
            .Select(u => units[new ScanUnit(u.Region, u.ResourceType)]).ToHashSet();
        await WriteObservationsAsync(seq, archive.Resources, units, succeeded, cancellationToken).ConfigureAwait(false);

        await connection.ExecuteAsync(transaction,
            "INSERT INTO scans (seq, scan_id, started_ticks, completed_ticks, status, policy_hash, policy_version, cost_snapshot_id, " +
            "cost_failure, covers_every_region, record, detail_dropped) VALUES (@seq, @id, @started, @completed, @status, @hash, @version, " +
            "@cost, @costFailure, @every, @record, @dropped)",
            cancellationToken,
            ("@seq", seq), ("@id", record.ScanId), ("@started", record.StartedAt.UtcTicks), ("@completed", record.CompletedAt.UtcTicks),
            ("@status", (int)record.Status), ("@hash", record.PolicyHash), ("@version", record.PolicyVersion), ("@cost", costId),
            ("@costFailure", record.CostFailure), ("@every", record.Regions.IsDefaultOrEmpty), ("@record", RecordContextCodec.Encode(record)),
            ("@dropped", false)).ConfigureAwait(false);
        return true;
    }

    private async Task WriteObservationsAsync(long seq, IReadOnlyList<CloudResource> resources, Dictionary<ScanUnit, int> units,
        HashSet<int> succeeded, CancellationToken cancellationToken)
    {
        // The archive's resources in unit order (an index, not a copy); resources of units that did not succeed are left out.
        // The sort is stable (unit, then archive position in one key): a unit's resources keep the order they were listed
        // in, so the first of duplicates is the one kept, and listings ordered by ARN enter the ARN index in key order.
        var count = resources.Count;
        var keys = new long[count];
        for (var i = 0; i < count; i++)
        {
            var r = resources[i];
            long unit = units.TryGetValue(new ScanUnit(r.Region, r.Type), out var id) && succeeded.Contains(id) ? id : int.MaxValue;
            keys[i] = (unit << 32) | (uint)i;
        }

        Array.Sort(keys);
        var unitOf = new int[count];
        var order = new int[count];
        for (var k = 0; k < count; k++)
        {
            unitOf[k] = (int)(keys[k] >> 32);
            order[k] = (int)(keys[k] & uint.MaxValue);
        }

        var nextResource = await NextIdAsync("resources", "id", cancellationToken).ConfigureAwait(false);
        var nextObservation = await NextIdAsync("observations", "id", cancellationToken).ConfigureAwait(false);

        await using var newResources = new ColumnRows(database, connection, transaction, "resources",
            ("id", ColumnKind.Integer), ("unit_id", ColumnKind.Integer), ("arn", ColumnKind.Text), ("current_observation_id", ColumnKind.Integer),
            ("current_hash", ColumnKind.Integer));
        await using var newObservations = new ColumnRows(database, connection, transaction, "observations",
            ("id", ColumnKind.Integer), ("resource_id", ColumnKind.Integer), ("hash", ColumnKind.Integer), ("payload", ColumnKind.Binary));
        await using var references = connection.Command(transaction, database.InsertReferencesSql).With("@seq", seq).With("@unit", 0).With("@ids", "");
        await using var moveHint = connection.Command(transaction,
            "UPDATE resources SET current_observation_id = @observation, current_hash = @hash WHERE id = @id")
            .With("@observation", 0L).With("@hash", 0L).With("@id", 0L);

        var writer = new PayloadWriter();
        var unitObservations = new List<long>();
        var start = 0;
        while (start < count && unitOf[start] != int.MaxValue)
        {
            var unit = unitOf[start];
            var end = start;
            while (end < count && unitOf[end] == unit)
            {
                end++;
            }

            var known = await ResourcesOfUnitAsync(unit, cancellationToken).ConfigureAwait(false);
            unitObservations.Clear();
            for (var k = start; k < end; k++)
            {
                var resource = resources[order[k]];
                ObservationCodec.Write(resource, writer);
                var hash = ObservationCodec.Hash(writer.Written);
                if (known.TryGetValue(resource.Arn, out var previous))
                {
                    if (previous.Seen)
                    {
                        continue;
                    }

                    if (previous.ObservationId is { } same && previous.Hash == hash)
                    {
                        known[resource.Arn] = previous with { Seen = true };
                        unitObservations.Add(same);
                        continue;
                    }

                    var changed = nextObservation++;
                    await newObservations.Integer(changed).Integer(previous.Id).Integer(hash).Blob(writer.Written).EndRowAsync(cancellationToken)
                        .ConfigureAwait(false);
                    moveHint.Parameters[0].Value = changed;
                    moveHint.Parameters[1].Value = hash;
                    moveHint.Parameters[2].Value = previous.Id;
                    await moveHint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    known[resource.Arn] = new KnownResource(previous.Id, changed, hash, Seen: true);
                    unitObservations.Add(changed);
                    continue;
                }

                var resourceId = nextResource++;
                var observation = nextObservation++;
                await newResources.Integer(resourceId).Integer(unit).Text(resource.Arn).Integer(observation).Integer(hash).EndRowAsync(cancellationToken)
                    .ConfigureAwait(false);
                await newObservations.Integer(observation).Integer(resourceId).Integer(hash).Blob(writer.Written).EndRowAsync(cancellationToken)
                    .ConfigureAwait(false);
                known[resource.Arn] = new KnownResource(resourceId, observation, hash, Seen: true);
                unitObservations.Add(observation);
            }

            // Key order: the rows append to the end of the table's B-tree, which keeps its pages full.
            unitObservations.Sort();
            if (unitObservations.Count > 0)
            {
                references.Parameters[1].Value = unit;
                references.Parameters[2].Value = database.ObservationIdList(unitObservations);
                await references.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            start = end;
        }

        await newResources.FlushAsync(cancellationToken).ConfigureAwait(false);
        await newObservations.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The unit's resources with their newest observation (id and content hash).</summary>
    private async Task<Dictionary<string, KnownResource>> ResourcesOfUnitAsync(int unit, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, KnownResource>(StringComparer.Ordinal);
        await using var command = connection.Command(transaction,
            "SELECT id, arn, current_observation_id, current_hash FROM resources WHERE unit_id = @unit").With("@unit", unit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            known[reader.GetString(1)] = new KnownResource(reader.GetInt64(0), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetInt64(3), Seen: false);
        }

        return known;
    }

    /// <summary>The spend snapshot's row: an existing one with the same content, or a new one.</summary>
    private async Task<long> CostSnapshotIdAsync(ScanArchive archive, CancellationToken cancellationToken)
    {
        var (raw, hash) = CostSnapshotCodec.Encode(archive.Costs);
        if (await connection.ScalarAsync(transaction, "SELECT id FROM cost_snapshots WHERE content_hash = @hash", cancellationToken,
                ("@hash", hash)).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var id = await NextIdAsync("cost_snapshots", "id", cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(transaction, "INSERT INTO cost_snapshots (id, content_hash, payload) VALUES (@id, @hash, @payload)",
            cancellationToken, ("@id", id), ("@hash", hash), ("@payload", Compression.Compress(raw))).ConfigureAwait(false);
        return id;
    }

    /// <summary>The number of every unit the scan names (its outcomes and its resources), numbering new ones.</summary>
    private async Task<Dictionary<ScanUnit, int>> UnitIdsAsync(ScanRecord record, IReadOnlyList<CloudResource> resources, CancellationToken cancellationToken)
    {
        var units = await UnitCatalog.ReadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var byUnit = units.ToDictionary(u => u.Value, u => u.Key);
        var next = units.Count == 0 ? 1 : units.Keys.Max() + 1;
        foreach (var unit in record.Units.Select(u => new ScanUnit(u.Region, u.ResourceType)))
        {
            if (!byUnit.ContainsKey(unit))
            {
                await connection.ExecuteAsync(transaction, "INSERT INTO units (id, region, resource_type) VALUES (@id, @region, @type)",
                    cancellationToken, ("@id", next), ("@region", unit.Region), ("@type", unit.ResourceType)).ConfigureAwait(false);
                byUnit[unit] = next++;
            }
        }

        return byUnit;
    }

    private async Task<long> NextIdAsync(string table, string column, CancellationToken cancellationToken) =>
        (await connection.ScalarAsync(transaction, $"SELECT MAX({column}) FROM {table}", cancellationToken).ConfigureAwait(false) ?? 0) + 1;

    /// <summary>A resource already in the store: its row, its newest observation, and whether this scan has seen it yet.</summary>
    private readonly record struct KnownResource(long Id, long? ObservationId, long Hash, bool Seen);
}
