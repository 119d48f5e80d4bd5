using System.Reflection;
using FinOps.Domain.History;
using FinOps.Store.Model;
using FinOps.Store.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Store;

/// <summary>
/// Brings a history database to this version's schema with the provider's EF Core migrations: a new or older one is
/// migrated; one that has a migration this build does not know (written by a newer version) is refused untouched.
/// On SQLite an up-to-date database (every restart but the first after an upgrade) is recognised with plain SQL on
/// <c>__EFMigrationsHistory</c> against the migrations compiled into this assembly, so a restarted app reads its history
/// without first building EF Core's model and services; EF Core runs only when there is something to apply.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>The table where EF Core records the applied migrations (its default name; the contexts keep it).</summary>
    private const string HistoryTable = "__EFMigrationsHistory";

    public static async Task MigrateAsync(HistoryDatabase database, CancellationToken cancellationToken)
    {
        if (database.SqliteFile is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        if (database.Provider == StoreProvider.Sqlite && await SqliteIsCurrentAsync(database, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await using var db = database.CreateContext();
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        RefuseUnknown(database, known, applied);

        // Up to date: nothing to apply, and asking EF Core to migrate anyway would build and compare the whole model
        // first, which is most of a restarted app's wait for its history.
        if (known.Any(m => !applied.Contains(m, StringComparer.Ordinal)))
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (database.Provider == StoreProvider.Sqlite)
        {
            // Readers never wait for the writer, and a save is one append to the log.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The migrations of the provider's context compiled into this assembly, oldest first: what EF Core's migrations
    /// assembly finds (types marked with <see cref="MigrationAttribute"/> for the context), found without EF Core.
    /// </summary>
    internal static IReadOnlyList<string> Compiled(StoreProvider provider)
    {
        var context = provider == StoreProvider.Postgres ? typeof(PostgresHistoryDbContext) : typeof(SqliteHistoryDbContext);
        return [.. typeof(SchemaMigrator).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The migrations this build knows, oldest first (for tests of upgrades).</summary>
    internal static IReadOnlyList<string> Known(HistoryDatabase database)
    {
        using var db = database.CreateContext();
        return [.. db.Database.GetMigrations()];
    }

    /// <summary>Migrates only up to <paramref name="migration"/> (for tests of upgrades from an older version).</summary>
    internal static async Task MigrateToAsync(HistoryDatabase database, string migration, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync(migration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// True when the SQLite database has exactly this build's migrations applied and is in WAL mode; false when EF Core
    /// has work to do (a new file, a pending migration). Throws when a newer version wrote it.
    /// </summary>
    private static async Task<bool> SqliteIsCurrentAsync(HistoryDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = database.NewSqliteConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (await connection.ScalarAsync(null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name", cancellationToken,
                ("@name", HistoryTable)).ConfigureAwait(false) is not > 0)
        {
            return false;
        }

        var applied = new List<string>();
        await using (var command = connection.Command(null, $"SELECT \"MigrationId\" FROM \"{HistoryTable}\" ORDER BY \"MigrationId\""))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetString(0));
            }
        }

        var known = Compiled(StoreProvider.Sqlite).ToHashSet(StringComparer.Ordinal);
        RefuseUnknown(database, known, applied);
        if (known.Any(m => !applied.Contains(m, StringComparer.Ordinal)))
        {
            return false;
        }

        // Readers never wait for the writer, and a save is one append to the log (kept by the file; a no-op once set).
        await connection.ExecuteAsync(null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static void RefuseUnknown(HistoryDatabase database, HashSet<string> known, List<string> applied)
    {
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new HistoryUnavailableException(
                $"The history database ({database.Description}) was written by a newer version of FinOps: it has schema change " +
                $"'{unknown[^1]}', which this version does not know (its newest is '{known.Order(StringComparer.Ordinal).LastOrDefault()}'). " +
                "Run the newer version, or point FinOps:Store at another database; this version leaves it untouched.");
        }
    }
}
