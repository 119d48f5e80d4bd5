using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using System.Globalization;
using FinOps.Domain.History;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Domain.State;
using FinOps.Store.Codecs;
using FinOps.Store.History;
using FinOps.Store.Model;
using FinOps.Store.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FinOps.Store;

/// <summary>
/// History in a database through EF Core (SQLite or PostgreSQL, one model): every finished scan, deduplicated. The
/// schema is migrated on first use (or by <see cref="MigrateAsync"/> at start-up); every failure to use the database
/// is a <see cref="HistoryUnavailableException"/> whose message names the database and the reason, never a secret.
/// </summary>
public sealed class ScanHistoryStore : IScanHistory, IDisposable
{
    /// <summary>Most scans one page lists.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Most observations one resource's history read returns.</summary>
    public const int MaxResourceHistory = 1000;

    private const string CursorPrefix = "before-";

    private readonly HistoryDatabase _database;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    public ScanHistoryStore(HistoryDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public string Provider => _database.Description;

    public string Kind => _database.ProviderName;

    /// <summary>The database this store uses.</summary>
    public HistoryDatabase Database => _database;

    /// <summary>
    /// Creates or upgrades the schema (once; later calls return at once). Throws <see cref="HistoryUnavailableException"/>
    /// when the database cannot be reached or was written by a newer version.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                await SchemaMigrator.MigrateAsync(_database, cancellationToken).ConfigureAwait(false);
                _migrated = true;
            }
        }
        catch (Exception ex) when (HistoryDatabase.IsDatabaseFailure(ex))
        {
            throw _database.Unavailable(ex);
        }
        finally
        {
            _migration.Release();
        }
    }

    public Task SaveAsync(ScanArchive archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        return WriteAsync(async (connection, transaction) =>
        {
            await new ScanWriter(_database, connection, transaction).WriteAsync(archive, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<AccountState?> LoadStateAsync(string? asOfScanId, CancellationToken cancellationToken) =>
        ReadAsync(async (connection, transaction) =>
        {
            var asOf = asOfScanId is null
                ? await ScanEntries.NewestAsync(connection, transaction, cancellationToken).ConfigureAwait(false)
                : await ScanEntries.FindAsync(connection, transaction, asOfScanId, cancellationToken).ConfigureAwait(false);

            // A scan whose detail retention dropped has no state to restore.
            return asOf is null || asOf.DetailDropped
                ? null
                : await StateReader.ReadAsync(connection, transaction, asOf, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<ScanPage> ListScansAsync(int limit, string? cursor, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be between 1 and {MaxPageSize}.");
        }

        long? before = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            before = cursor.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && long.TryParse(cursor.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                ? seq
                : throw new ArgumentException(
                    "cursor is not one this list gave out; pass the next cursor of the previous page, or none for the newest scans.", nameof(cursor));
        }

        return ReadAsync(async (connection, transaction) =>
        {
            var entries = await ScanEntries.PageAsync(connection, transaction, before, limit + 1, cancellationToken).ConfigureAwait(false);
            var page = entries.Take(limit).ToList();
            var scans = ImmutableArray.CreateBuilder<StoredScan>(page.Count);
            foreach (var entry in page)
            {
                scans.Add(await StoredScanAsync(connection, transaction, entry, cancellationToken).ConfigureAwait(false));
            }

            return new ScanPage(scans.MoveToImmutable(), entries.Count > limit ? CursorPrefix + page[^1].Seq.ToString(CultureInfo.InvariantCulture) : null);
        }, cancellationToken);
    }

    public Task<StoredScan?> FindScanAsync(string scanId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scanId);
        return ReadAsync(async (connection, transaction) =>
            await ScanEntries.FindAsync(connection, transaction, scanId, cancellationToken).ConfigureAwait(false) is { } entry
                ? await StoredScanAsync(connection, transaction, entry, cancellationToken).ConfigureAwait(false)
                : null, cancellationToken);
    }

    public Task<TaggingPolicy?> FindPolicyAsync(string policyHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policyHash);
        return ReadAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command(transaction, "SELECT document FROM policies WHERE hash = @hash").With("@hash", policyHash);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string document ? TaggingPolicyJson.Parse(document) : null;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<TrendPoint>> ReadTrendAsync(TrendQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var keys = query.Keys.IsDefaultOrEmpty ? [] : query.Keys.Distinct(StringComparer.Ordinal).ToArray();
        return ReadAsync<IReadOnlyList<TrendPoint>>(async (connection, transaction) =>
        {
            // One index range (dimension, key, time) per key, or the dimension's whole range; read with plain ADO.NET
            // because a trend of every region is thousands of small rows.
            var keyFilter = keys.Length == 0 ? "" : $" AND t.key IN ({string.Join(", ", keys.Select((_, i) => $"@k{i}"))})";
            await using var command = connection.Command(transaction,
                "SELECT s.scan_id, t.at_ticks, s.policy_version, s.policy_hash, t.dimension, t.key, t.measured, t.total_resources, t.in_scope, " +
                "t.compliant, t.violations, t.error_violations, t.gap_cents, t.spend_cents FROM trend_points t JOIN scans s ON s.seq = t.scan_seq " +
                $"WHERE t.dimension = @dimension AND t.at_ticks >= @since AND t.at_ticks <= @until{keyFilter} ORDER BY t.at_ticks, t.scan_seq, t.position")
                .With("@dimension", (int)query.Dimension).With("@since", query.Since.UtcTicks).With("@until", query.Until.UtcTicks);
            for (var i = 0; i < keys.Length; i++)
            {
                command.With($"@k{i}", keys[i]);
            }

            var points = new List<TrendPoint>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                points.Add(new TrendPoint(reader.GetString(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), reader.GetString(2), reader.GetString(3),
                    new TrendFigures((FigureDimension)reader.GetInt32(4), reader.GetString(5), reader.GetBoolean(6), reader.GetInt32(7), reader.GetInt32(8),
                        reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11), reader.GetInt64(12), reader.GetInt64(13))));
            }

            return points;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ObservationChange>> CompareAsync(string fromScanId, string toScanId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromScanId);
        ArgumentNullException.ThrowIfNull(toScanId);
        return ReadAsync(async (connection, transaction) =>
        {
            var before = await ComparableAsync(connection, transaction, fromScanId, nameof(fromScanId), cancellationToken).ConfigureAwait(false);
            var after = await ComparableAsync(connection, transaction, toScanId, nameof(toScanId), cancellationToken).ConfigureAwait(false);
            return before.Seq == after.Seq
                ? []
                : await ChangeReader.ReadAsync(connection, transaction, before.Seq, after.Seq, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ResourceObservation>> ReadResourceHistoryAsync(string arn, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arn);
        if (limit is < 1 or > MaxResourceHistory)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be between 1 and {MaxResourceHistory}.");
        }

        return ReadAsync((connection, transaction) => ResourceHistoryReader.ReadAsync(connection, transaction, arn, limit, cancellationToken), cancellationToken);
    }

    public Task<CompactionOutcome> CompactAsync(DateTimeOffset keepSince, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
            new HistoryCompactor(_database, connection, transaction).CompactAsync(keepSince, cancellationToken), cancellationToken);

    public async Task<StoreHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ConnectedAsync(connection => connection.ScalarAsync(null, "SELECT COUNT(*) FROM scans", cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            return new StoreHealth(true, _database.ProviderName, _database.Description);
        }
        catch (HistoryUnavailableException unavailable)
        {
            return new StoreHealth(false, _database.ProviderName, unavailable.Message);
        }
#pragma warning disable CA1031 // A health check reports every failure instead of throwing it.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return new StoreHealth(false, _database.ProviderName, $"The history database ({_database.Description}) did not answer.");
        }
    }

    public void Dispose() => _migration.Dispose();

    private static async Task<ScanEntry> ComparableAsync(DbConnection connection, DbTransaction transaction, string scanId, string argument,
        CancellationToken cancellationToken)
    {
        var entry = await ScanEntries.FindAsync(connection, transaction, scanId, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"Scan '{scanId}' is not in history; list the kept scans for their ids.", argument);
        return entry.DetailDropped
            ? throw new ArgumentException(
                $"Scan '{scanId}' is past retention: its record and figures are kept, its per-resource detail is not, so it cannot be compared.", argument)
            : entry;
    }

    private static async Task<StoredScan> StoredScanAsync(DbConnection connection, DbTransaction transaction, ScanEntry entry, CancellationToken cancellationToken)
    {
        var units = ImmutableArray.CreateBuilder<UnitOutcome>();
        await using (var command = connection.Command(transaction,
            "SELECT u.region, u.resource_type, o.status, o.failure_reason FROM unit_outcomes o JOIN units u ON u.id = o.unit_id " +
            "WHERE o.scan_seq = @seq ORDER BY u.region, u.resource_type").With("@seq", entry.Seq))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                units.Add(new UnitOutcome(reader.GetString(0), reader.GetString(1), (RegionScanStatus)reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        // Byte-wise order, as the record was built (the databases' collations may order text differently).
        var ordered = units.OrderBy(u => u.Region, StringComparer.Ordinal).ThenBy(u => u.ResourceType, StringComparer.Ordinal).ToImmutableArray();
        var figures = ImmutableArray.CreateBuilder<TrendFigures>();
        await using (var command = connection.Command(transaction,
            "SELECT scan_seq, position, dimension, key, at_ticks, measured, total_resources, in_scope, compliant, violations, " +
            "error_violations, gap_cents, spend_cents FROM trend_points WHERE scan_seq = @seq ORDER BY position").With("@seq", entry.Seq))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                figures.Add(new TrendFigures((FigureDimension)reader.GetInt32(2), reader.GetString(3), reader.GetBoolean(5), reader.GetInt32(6),
                    reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10), reader.GetInt64(11), reader.GetInt64(12)));
            }
        }

        var context = RecordContextCodec.Decode(entry.Record);
        var record = new ScanRecord(entry.ScanId, context.Account, context.Regions, context.ResourceTypes, entry.PolicyVersion, entry.PolicyHash,
            entry.StartedAt, entry.CompletedAt, (DataQualityStatus)entry.Status, context.Notes, ordered, entry.CostFailure, context.Discovery,
            context.ScannableRegions, context.SkippedRegions, context.Coverage);
        return new StoredScan(record, figures.ToImmutable());
    }

    /// <summary>Runs <paramref name="work"/> on a new context once the schema is current; database failures become <see cref="HistoryUnavailableException"/>.</summary>
    private async Task<T> RunAsync<T>(Func<HistoryDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = _database.CreateContext();
            return await work(db).ConfigureAwait(false);
        }
        catch (Exception ex) when (HistoryDatabase.IsDatabaseFailure(ex))
        {
            throw _database.Unavailable(ex);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on an open connection once the schema is current: on SQLite a plain ADO.NET connection
    /// (no EF Core model to build first), on PostgreSQL the EF Core context's. Database failures become
    /// <see cref="HistoryUnavailableException"/>.
    /// </summary>
    internal async Task<T> ConnectedAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_database.Provider != StoreProvider.Sqlite)
        {
            return await RunAsync(async db =>
            {
                await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                return await work(db.Database.GetDbConnection()).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }

        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = _database.NewSqliteConnection();
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (HistoryDatabase.IsDatabaseFailure(ex))
        {
            throw _database.Unavailable(ex);
        }
    }

    /// <summary>Runs several reads on one snapshot (a read transaction), so they see the same scans.</summary>
    private Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        ConnectedAsync(async connection =>
        {
            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken);

    /// <summary>
    /// Runs a write in one transaction, writers taking turns: on SQLite the transaction begins IMMEDIATE (it takes the
    /// write lock at once); on PostgreSQL see <see cref="HistoryDatabase.SerializeWritersSql"/>.
    /// </summary>
    private Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        ConnectedAsync(async connection =>
        {
            if (_database.Provider == StoreProvider.Sqlite)
            {
                // A larger page cache for the save's index lookups (64 MiB, on this connection only), and in WAL mode a
                // commit that appends to the log without waiting for the disk (synced at each checkpoint): a power cut may
                // lose the newest saves, never corrupt the file, and a save no longer waits for fsync.
                await connection.ExecuteAsync(null, "PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL", cancellationToken).ConfigureAwait(false);
            }

            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (_database.SerializeWritersSql is { } serialize)
            {
                await connection.ExecuteAsync(transaction, serialize, cancellationToken).ConfigureAwait(false);
            }

            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken);
}
