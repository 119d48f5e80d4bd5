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
    public async Task<IReadOnlyList<Waiver>> ListAsync(CancellationToken cancellationToken)
    {
        await history.MigrateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = history.Database.CreateContext();
            var rows = await db.Waivers.AsNoTracking().OrderBy(w => w.RequestedTicks).ThenBy(w => w.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(ToWaiver).OfType<Waiver>()];
        }
        catch (Exception ex) when (HistoryDatabase.IsDatabaseFailure(ex))
        {
            throw history.Database.Unavailable(ex);
        }
    }

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
