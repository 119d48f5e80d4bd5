using FinOps.Domain.History;
using FinOps.Store.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FinOps.Store;

/// <summary>
/// Which database history lives in and how to talk to it: the EF Core context for the provider, a description for
/// people (never the connection string: it may hold a password), and the few statements whose SQL differs.
/// </summary>
public sealed class HistoryDatabase
{
    // Built on first use: on SQLite an up-to-date database is read and written without EF Core, so a restarted app does
    // not load or configure it before its history is back.
    private readonly Lazy<DbContextOptions> _options;

    /// <summary>How long a statement may run or wait for a busy database.</summary>
    private const int CommandTimeoutSeconds = 60;
    private string? _sqliteConnectionString;

    private HistoryDatabase(StoreProvider provider, Func<DbContextOptions> options, string description)
    {
        Provider = provider;
        _options = new Lazy<DbContextOptions>(options);
        Description = description;
    }

    public StoreProvider Provider { get; }

    /// <summary>E.g. "SQLite at /srv/finops/App_Data/finops.db" or "PostgreSQL at db.example.com:5432/finops".</summary>
    public string Description { get; }

    /// <summary>The provider's name for people.</summary>
    public string ProviderName => Provider == StoreProvider.Postgres ? "PostgreSQL" : "SQLite";

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqliteFile { get; private init; }

    /// <summary>
    /// The database the settings name: <see cref="StoreOptions.ConnectionString"/>, or on SQLite by default
    /// <c>{dataPath}/finops.db</c>.
    /// </summary>
    public static HistoryDatabase From(StoreOptions options, string dataPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ParseProvider() == StoreProvider.Postgres
            ? Postgres(options.ConnectionString!)
            : Sqlite(string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataPath, "finops.db") }.ConnectionString
                : options.ConnectionString);
    }

    public static HistoryDatabase Sqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        var file = builder.DataSource;
        var isFile = !string.IsNullOrEmpty(file) && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory;
        if (isFile)
        {
            file = Path.GetFullPath(file);
            builder.DataSource = file;
        }

        var sqlite = builder.ConnectionString;
        return new HistoryDatabase(StoreProvider.Sqlite, () => SqliteOptions(sqlite), $"SQLite at {file}")
        {
            SqliteFile = isFile ? file : null,
            // The plain connections wait for a busy database as long as the EF Core ones (its command timeout).
            _sqliteConnectionString = new SqliteConnectionStringBuilder(sqlite) { DefaultTimeout = CommandTimeoutSeconds }.ConnectionString,
        };
    }

    public static HistoryDatabase Postgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var postgres = builder.ConnectionString;
        var port = builder.Port == NpgsqlConnection.DefaultPort ? "" : $":{builder.Port}";
        return new HistoryDatabase(StoreProvider.Postgres, () => PostgresOptions(postgres), $"PostgreSQL at {builder.Host}{port}/{builder.Database ?? builder.Username}");
    }

    /// <summary>
    /// A new, closed connection to the SQLite database (the connection string the EF Core context uses, pooled): reads
    /// and saves talk to SQLite through plain ADO.NET, so they never wait for EF Core to build its model.
    /// </summary>
    internal SqliteConnection NewSqliteConnection() => _sqliteConnectionString is { } connectionString
        ? new SqliteConnection(connectionString)
        : throw new InvalidOperationException("The history database is not SQLite.");

    /// <summary>A new context (one per operation; contexts are cheap and not thread-safe).</summary>
    internal HistoryDbContext CreateContext() => Provider == StoreProvider.Postgres
        ? new PostgresHistoryDbContext((DbContextOptions<PostgresHistoryDbContext>)_options.Value)
        : new SqliteHistoryDbContext((DbContextOptions<SqliteHistoryDbContext>)_options.Value);

    private static DbContextOptions<SqliteHistoryDbContext> SqliteOptions(string connectionString) =>
        new DbContextOptionsBuilder<SqliteHistoryDbContext>().UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(CommandTimeoutSeconds)).Options;

    private static DbContextOptions<PostgresHistoryDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresHistoryDbContext>().UseNpgsql(connectionString, npgsql => npgsql.CommandTimeout(CommandTimeoutSeconds)).Options;

    /// <summary>
    /// Run first in a writing transaction so writers take turns: SQLite's write transactions already do (EF begins them
    /// IMMEDIATE); on PostgreSQL several app instances may share the database, so a transaction-scoped advisory lock.
    /// </summary>
    internal string? SerializeWritersSql => Provider == StoreProvider.Postgres ? "SELECT pg_advisory_xact_lock(7011001)" : null;

    /// <summary>
    /// Inserts one unit's references of a scan in one statement (@seq, @unit, @ids from <see cref="ObservationIdList"/>):
    /// SQLite walks a JSON array of the ids, PostgreSQL unnests a bigint array. Binding thousands of parameters would
    /// cost more than writing the rows.
    /// </summary>
    internal string InsertReferencesSql => Provider == StoreProvider.Postgres
        ? "INSERT INTO scan_observations (scan_seq, unit_id, observation_id) SELECT @seq, @unit, unnest(@ids)"
        : "INSERT INTO scan_observations (scan_seq, unit_id, observation_id) SELECT @seq, @unit, value FROM json_each(@ids)";

    /// <summary>Observation ids as <see cref="InsertReferencesSql"/> takes them.</summary>
    internal object ObservationIdList(List<long> ids)
    {
        if (Provider == StoreProvider.Postgres)
        {
            return ids.ToArray();
        }

        var json = new System.Text.StringBuilder((ids.Count * 8) + 2).Append('[');
        for (var i = 0; i < ids.Count; i++)
        {
            (i == 0 ? json : json.Append(',')).Append(ids[i]);
        }

        return json.Append(']').ToString();
    }

    /// <summary>Deletes observations no scan refers to (PostgreSQL plans NOT EXISTS as a hash anti-join, SQLite NOT IN as one temporary index).</summary>
    internal string DeleteOrphanObservationsSql => Provider == StoreProvider.Postgres
        ? "DELETE FROM observations o WHERE NOT EXISTS (SELECT 1 FROM scan_observations so WHERE so.observation_id = o.id)"
        : "DELETE FROM observations WHERE id NOT IN (SELECT observation_id FROM scan_observations)";

    /// <summary>Forgets a resource's newest observation when compaction removed it (the next save then stores a new one).</summary>
    internal string ClearDanglingHintsSql => Provider == StoreProvider.Postgres
        ? "UPDATE resources r SET current_observation_id = NULL, current_hash = 0 WHERE current_observation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM observations o WHERE o.id = r.current_observation_id)"
        : "UPDATE resources SET current_observation_id = NULL, current_hash = 0 WHERE current_observation_id IS NOT NULL AND current_observation_id NOT IN (SELECT id FROM observations)";

    /// <summary>Deletes resources none of whose observations is left.</summary>
    internal string DeleteOrphanResourcesSql => Provider == StoreProvider.Postgres
        ? "DELETE FROM resources r WHERE NOT EXISTS (SELECT 1 FROM observations o WHERE o.resource_id = r.id)"
        : "DELETE FROM resources WHERE id NOT IN (SELECT resource_id FROM observations)";

    /// <summary>Whether an exception means the database could not do what was asked (rather than a bug).</summary>
    internal static bool IsDatabaseFailure(Exception exception) => exception switch
    {
        System.Data.Common.DbException or TimeoutException or IOException or InvalidDataException or UnauthorizedAccessException
            or System.Net.Sockets.SocketException or DbUpdateException => true,
        InvalidOperationException { InnerException: { } inner } => IsDatabaseFailure(inner),
        _ => false,
    };

    /// <summary>A failure as a sentence for people: the database and the reason, no connection string, no type names.</summary>
    internal HistoryUnavailableException Unavailable(Exception exception) =>
        new($"The history database ({Description}) could not be used: {Reason(exception)}", exception);

    private static string Reason(Exception exception) => exception switch
    {
        PostgresException postgres => $"{postgres.MessageText.TrimEnd('.')} (PostgreSQL {postgres.SqlState}).",
        SqliteException sqlite => SqliteReason(sqlite),
        NpgsqlException { InnerException: System.Net.Sockets.SocketException socket } => $"the server does not answer ({socket.SocketErrorCode}).",
        NpgsqlException npgsql => npgsql.Message,
        TimeoutException => "it did not answer in time.",
        InvalidDataException => "a stored record is corrupt.",
        IOException or UnauthorizedAccessException => $"its folder cannot be created or written ({exception.Message}).",
        DbUpdateException { InnerException: { } inner } => Reason(inner),
        InvalidOperationException { InnerException: { } inner } => Reason(inner),
        _ => exception.Message,
    };

    private static string SqliteReason(SqliteException sqlite) => sqlite.SqliteErrorCode switch
    {
        5 or 6 => "the database file is locked by another program.",
        8 => "the database file is read-only.",
        11 or 26 => "the file is not a SQLite database or is damaged.",
        13 => "the disk is full.",
        14 => "the database file cannot be opened (does its folder exist, and may the app write there?).",
        _ => sqlite.Message,
    };
}
