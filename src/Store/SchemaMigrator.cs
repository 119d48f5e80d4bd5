using FinOps.Domain.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Store;

/// <summary>
/// Brings a history database to this version's schema with the provider's EF Core migrations: a new or older one is
/// migrated; one that has a migration this build does not know (written by a newer version) is refused untouched.
/// </summary>
internal static class SchemaMigrator
{
    public static async Task MigrateAsync(HistoryDatabase database, CancellationToken cancellationToken)
    {
        if (database.SqliteFile is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var db = database.CreateContext();
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new HistoryUnavailableException(
                $"The history database ({database.Description}) was written by a newer version of FinOps: it has schema change " +
                $"'{unknown[^1]}', which this version does not know (its newest is '{known.Order(StringComparer.Ordinal).LastOrDefault()}'). " +
                "Run the newer version, or point FinOps:Store at another database; this version leaves it untouched.");
        }

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
}
