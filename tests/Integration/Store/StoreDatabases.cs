using FinOps.Store;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FinOps.Tests.Integration.Store;

/// <summary>
/// Databases for one test class (an xunit class fixture, so classes run in parallel on their own databases): SQLite files
/// in a temporary folder, and on PostgreSQL one database created for the class (dropped after it) plus any the tests
/// ask for. <see cref="FreshAsync"/> gives an empty, migrated store.
/// </summary>
public sealed class StoreDatabases : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "finops-store-tests", Guid.NewGuid().ToString("N"));
    private readonly List<string> _postgresDatabases = [];
    private ScanHistoryStore? _postgres;
    private int _files;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    /// <summary>An empty store with the current schema.</summary>
    public async Task<ScanHistoryStore> FreshAsync(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
        {
            var store = new ScanHistoryStore(await NewDatabaseAsync(kind));
            await store.MigrateAsync(CancellationToken.None);
            return store;
        }

        if (_postgres is null)
        {
            _postgres = new ScanHistoryStore(await NewDatabaseAsync(kind));
            await _postgres.MigrateAsync(CancellationToken.None);
        }
        else
        {
            // Emptying the class's database is much quicker than creating one per case.
            await using var connection = new NpgsqlConnection(ConnectionStringOf(_postgresDatabases[0]));
            await connection.OpenAsync();
            await using var truncate = new NpgsqlCommand(
                "TRUNCATE scans, policies, cost_snapshots, units, unit_outcomes, resources, observations, scan_observations, trend_points, waivers", connection);
            await truncate.ExecuteNonQueryAsync();
        }

        return _postgres;
    }

    /// <summary>A new, empty database (no schema yet).</summary>
    public async Task<HistoryDatabase> NewDatabaseAsync(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
        {
            return HistoryDatabase.Sqlite($"Data Source={Path.Combine(_folder, $"history-{Interlocked.Increment(ref _files)}.db")}");
        }

        var name = $"finops_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(TestPostgres.Required))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        _postgresDatabases.Add(name);
        return HistoryDatabase.Postgres(ConnectionStringOf(name));
    }

    /// <summary>Runs SQL on a store's database directly (to look at rows, or to play a newer version).</summary>
    public static async Task<long> ScalarAsync(HistoryDatabase database, string sql)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? 0 : Convert.ToInt64(value);
    }

    public async Task DisposeAsync()
    {
        _postgres?.Dispose();
        if (_postgresDatabases.Count > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestPostgres.Required);
            await connection.OpenAsync();
            foreach (var name in _postgresDatabases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left to the temp folder's own cleaning.
        }
    }

    private static string ConnectionStringOf(string database) =>
        new NpgsqlConnectionStringBuilder(TestPostgres.Required) { Database = database }.ConnectionString;
}
