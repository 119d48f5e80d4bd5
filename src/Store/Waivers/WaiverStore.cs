using FinOps.Domain.Waivers;
using FinOps.Store.Model;
using Microsoft.EntityFrameworkCore;

namespace FinOps.Store.Waivers;

/// <summary>
/// Waivers in the history database (table <c>waivers</c>, SQLite or PostgreSQL): the schema is migrated on first use;
/// every failure to use the database is a <see cref="Domain.History.HistoryUnavailableException"/> naming the database's
/// kind and the reason.
/// </summary>
public sealed class WaiverStore(ScanHistoryStore history) : IWaiverStore
{
    /// <summary>
    /// Every stored waiver, oldest request first. Read with plain SQL on the store's connection (on SQLite no EF Core model
    /// is built), because the waivers are read at start-up beside the restore of the account state.
    /// </summary>
    public Task<IReadOnlyList<Waiver>> ListAsync(CancellationToken cancellationToken) =>
        history.ConnectedAsync<IReadOnlyList<Waiver>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, arn, resource_type, region, name_pattern, tag_pattern, tag_key, reason, requested_by, " +
                "requested_ticks, expires_ticks, status, decided_by, decided_ticks FROM waivers ORDER BY requested_ticks, id";
            var waivers = new List<Waiver>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new WaiverRow
                {
                    Id = reader.GetString(0),
                    Arn = Text(reader, 1),
                    ResourceType = Text(reader, 2),
                    Region = Text(reader, 3),
                    NamePattern = Text(reader, 4),
                    TagPattern = Text(reader, 5),
                    TagKey = Text(reader, 6),
                    Reason = reader.GetString(7),
                    RequestedBy = reader.GetString(8),
                    RequestedTicks = reader.GetInt64(9),
                    ExpiresTicks = reader.GetInt64(10),
                    Status = reader.GetInt32(11),
                    DecidedBy = Text(reader, 12),
                    DecidedTicks = reader.IsDBNull(13) ? null : reader.GetInt64(13),
                };
                if (ToWaiver(row) is { } waiver)
                {
                    waivers.Add(waiver);
                }
            }

            return waivers;
        }, cancellationToken);

    private static string? Text(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public async Task AddAsync(Waiver waiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waiver);
        await history.MigrateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = history.Database.CreateContext();
            db.Waivers.Add(ToRow(waiver));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (HistoryDatabase.IsDatabaseFailure(ex))
        {
            throw history.Database.Unavailable(ex);
        }
    }

    public async Task UpdateAsync(Waiver waiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waiver);
        await history.MigrateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = history.Database.CreateContext();
            db.Waivers.Update(ToRow(waiver));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (HistoryDatabase.IsDatabaseFailure(ex))
        {
            throw history.Database.Unavailable(ex);
        }
    }

    private static WaiverRow ToRow(Waiver w) => new()
    {
        Id = w.Id,
        Arn = w.Scope.Arn,
        ResourceType = w.Scope.ResourceType,
        Region = w.Scope.Region,
        NamePattern = w.Scope.NamePattern?.Pattern,
        TagPattern = w.Scope.TagPattern,
        TagKey = w.TagKey,
        Reason = w.Reason,
        RequestedBy = w.RequestedBy,
        RequestedTicks = w.RequestedAt.UtcTicks,
        ExpiresTicks = w.ExpiresAt.UtcTicks,
        Status = (int)w.StoredStatus,
        DecidedBy = w.DecidedBy,
        DecidedTicks = w.DecidedAt?.UtcTicks,
    };

    /// <summary>A row as a waiver; null for a row whose scope no longer parses (never written by this code).</summary>
    private static Waiver? ToWaiver(WaiverRow r)
    {
        var scope = WaiverScope.TryCreate(r.Arn, r.ResourceType, r.Region, r.NamePattern, r.TagPattern, out _);
        if (scope is null || !Enum.IsDefined((WaiverStatus)r.Status) || (WaiverStatus)r.Status == WaiverStatus.Expired)
        {
            return null;
        }

        return new Waiver(r.Id, scope, r.TagKey, r.Reason, r.RequestedBy, Utc(r.RequestedTicks), Utc(r.ExpiresTicks),
            (WaiverStatus)r.Status, r.DecidedBy, r.DecidedTicks is { } d ? Utc(d) : null);
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
