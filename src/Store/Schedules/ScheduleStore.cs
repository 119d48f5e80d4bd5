using FinOps.Domain.Schedules;
using FinOps.Store.Model;
using FinOps.Store.Sql;
using Microsoft.EntityFrameworkCore;

namespace FinOps.Store.Schedules;

/// <summary>
/// Schedules and their runs in the history database (tables <c>schedules</c> and <c>schedule_runs</c>), shared by every
/// instance on it. A run is claimed with <c>INSERT … ON CONFLICT DO NOTHING</c> on its (schedule, occurrence) key — the
/// same statement on SQLite and PostgreSQL, one winner — or, for a claim still running past its lease, a conditional
/// <c>UPDATE</c> that only one instance's statement can match. Failures to use the database are
/// <see cref="Domain.History.HistoryUnavailableException"/>s naming the database, never a secret.
/// </summary>
public sealed class ScheduleStore(ScanHistoryStore history) : IScheduleStore
{
    private const string InsertClaimSql =
        "INSERT INTO schedule_runs (schedule_id, occurrence_ticks, status, caught_up, manual, instance, started_ticks, note) " +
        "VALUES (@schedule, @occurrence, @status, @caught_up, @manual, @instance, @started, @note) " +
        "ON CONFLICT (schedule_id, occurrence_ticks) DO NOTHING";

    private const string TakeOverSql =
        "UPDATE schedule_runs SET instance = @instance, started_ticks = @started, caught_up = @caught_up, manual = @manual, note = @note " +
        "WHERE schedule_id = @schedule AND occurrence_ticks = @occurrence AND status = @status AND started_ticks < @expired";

    private const string AdvanceSql =
        "UPDATE schedules SET last_occurrence_ticks = @occurrence, next_ticks = @next " +
        "WHERE id = @schedule AND (last_occurrence_ticks IS NULL OR last_occurrence_ticks < @occurrence)";

    private HistoryDatabase Database => history.Database;

    /// <summary>
    /// Every schedule with its newest run, by id. Read with plain SQL on the store's connection (on SQLite no EF Core model
    /// is built), because the runner's first look comes right after the start-up restore, beside the first views.
    /// </summary>
    public Task<IReadOnlyList<ScheduleState>> ListAsync(CancellationToken cancellationToken) =>
        history.ConnectedAsync<IReadOnlyList<ScheduleState>>(async connection =>
        {
            var rows = new List<ScheduleRow>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT id, name, cron, time_zone, regions, types, enabled, origin, created_ticks, updated_ticks, " +
                    "next_ticks, last_occurrence_ticks FROM schedules";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(new ScheduleRow
                    {
                        Id = reader.GetString(0),
                        Name = reader.GetString(1),
                        Cron = reader.GetString(2),
                        TimeZone = reader.GetString(3),
                        Regions = reader.GetString(4),
                        Types = reader.GetString(5),
                        Enabled = reader.GetBoolean(6),
                        Origin = reader.GetInt32(7),
                        CreatedTicks = reader.GetInt64(8),
                        UpdatedTicks = reader.GetInt64(9),
                        NextTicks = reader.IsDBNull(10) ? null : reader.GetInt64(10),
                        LastOccurrenceTicks = reader.IsDBNull(11) ? null : reader.GetInt64(11),
                    });
                }
            }

            var states = new List<ScheduleState>(rows.Count);
            foreach (var row in rows.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                states.Add(ToState(row, await LastRunAsync(connection, row.Id, cancellationToken).ConfigureAwait(false)));
            }

            return states;
        }, cancellationToken);

    private static async Task<ScheduleRunRow?> LastRunAsync(System.Data.Common.DbConnection connection, string scheduleId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT schedule_id, occurrence_ticks, status, caught_up, manual, instance, started_ticks, finished_ticks, " +
            "scan_id, note, follow_ups FROM schedule_runs WHERE schedule_id = @schedule " +
            "ORDER BY started_ticks DESC, occurrence_ticks DESC LIMIT 1";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@schedule";
        parameter.Value = scheduleId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ScheduleRunRow
        {
            ScheduleId = reader.GetString(0),
            OccurrenceTicks = reader.GetInt64(1),
            Status = reader.GetInt32(2),
            CaughtUp = reader.GetBoolean(3),
            Manual = reader.GetBoolean(4),
            Instance = reader.GetString(5),
            StartedTicks = reader.GetInt64(6),
            FinishedTicks = reader.IsDBNull(7) ? null : reader.GetInt64(7),
            ScanId = reader.IsDBNull(8) ? null : reader.GetString(8),
            Note = reader.IsDBNull(9) ? null : reader.GetString(9),
            FollowUps = reader.IsDBNull(10) ? null : reader.GetString(10),
        };
    }

    public Task<ScheduleState?> FindAsync(string scheduleId, CancellationToken cancellationToken) =>
        RunAsync(async db =>
        {
            var row = await db.Set<ScheduleRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == scheduleId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToState(row, await LastRunAsync(db, row.Id, cancellationToken).ConfigureAwait(false));
        }, cancellationToken);

    public Task<bool> SaveAsync(Schedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return RunAsync(async db =>
        {
            var row = await db.Set<ScheduleRow>().FirstOrDefaultAsync(r => r.Id == schedule.Id, cancellationToken).ConfigureAwait(false);
            var created = row is null;
            if (row is null)
            {
                row = new ScheduleRow { Id = schedule.Id, CreatedTicks = now.UtcTicks, UpdatedTicks = now.UtcTicks };
                db.Add(row);
            }
            else if (row.Cron != schedule.Cron.Expression || row.TimeZone != schedule.Cron.TimeZoneId || row.Enabled != schedule.Enabled)
            {
                // New timing: planning starts again from now (no catch-up for the old timing).
                row.UpdatedTicks = now.UtcTicks;
                row.NextTicks = null;
            }

            row.Name = schedule.Name;
            row.Cron = schedule.Cron.Expression;
            row.TimeZone = schedule.Cron.TimeZoneId;
            row.Regions = string.Join(',', schedule.Scope.Regions);
            row.Types = string.Join(',', schedule.Scope.ResourceTypes);
            row.Enabled = schedule.Enabled;
            row.Origin = (int)schedule.Origin;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return created;
        }, cancellationToken);
    }

    public Task<bool> DeleteAsync(string scheduleId, CancellationToken cancellationToken) =>
        RunAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.Set<ScheduleRunRow>().Where(r => r.ScheduleId == scheduleId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var deleted = await db.Set<ScheduleRow>().Where(r => r.Id == scheduleId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted > 0;
        }, cancellationToken);

    public Task<bool> TryClaimAsync(ScheduleRunRecord claim, DateTimeOffset expiredBefore, DateTimeOffset? nextRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return RunAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var exists = await connection.ScalarAsync(transaction, "SELECT COUNT(*) FROM schedules WHERE id = @schedule", cancellationToken,
                ("@schedule", claim.ScheduleId)).ConfigureAwait(false);
            if (exists is not > 0)
            {
                return false;
            }

            (string, object?)[] values =
            [
                ("@schedule", claim.ScheduleId), ("@occurrence", claim.Occurrence.UtcTicks), ("@status", (int)ScheduleRunStatus.Running),
                ("@caught_up", claim.CaughtUp), ("@manual", claim.Manual), ("@instance", claim.Instance), ("@started", claim.StartedAt.UtcTicks),
                ("@note", claim.Note),
            ];
            var won = await connection.ExecuteAsync(transaction, InsertClaimSql, cancellationToken, values).ConfigureAwait(false) == 1
                || await connection.ExecuteAsync(transaction, TakeOverSql, cancellationToken, [.. values, ("@expired", expiredBefore.UtcTicks)])
                    .ConfigureAwait(false) == 1;
            if (won && !claim.Manual)
            {
                await connection.ExecuteAsync(transaction, AdvanceSql, cancellationToken,
                    ("@schedule", claim.ScheduleId), ("@occurrence", claim.Occurrence.UtcTicks), ("@next", nextRun?.UtcTicks)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return won;
        }, cancellationToken);
    }

    public Task CompleteAsync(ScheduleRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return RunAsync(async db =>
        {
            var ticks = run.Occurrence.UtcTicks;
            await db.Set<ScheduleRunRow>()
                .Where(r => r.ScheduleId == run.ScheduleId && r.OccurrenceTicks == ticks && r.Instance == run.Instance)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.Status, (int)run.Status)
                    .SetProperty(r => r.FinishedTicks, run.FinishedAt == null ? null : run.FinishedAt.Value.UtcTicks)
                    .SetProperty(r => r.ScanId, run.ScanId)
                    .SetProperty(r => r.Note, run.Note)
                    .SetProperty(r => r.FollowUps, FollowUpJson.Write(run.FollowUps)), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task SetNextRunAsync(string scheduleId, DateTimeOffset? nextRun, CancellationToken cancellationToken) =>
        RunAsync(async db =>
        {
            long? ticks = nextRun?.UtcTicks;
            await db.Set<ScheduleRow>().Where(r => r.Id == scheduleId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.NextTicks, ticks), cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<ScheduleRunRecord>> ListRunsAsync(string scheduleId, int limit, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<ScheduleRunRecord>>(async db =>
        {
            var rows = await db.Set<ScheduleRunRow>().AsNoTracking().Where(r => r.ScheduleId == scheduleId)
                .OrderByDescending(r => r.StartedTicks).ThenByDescending(r => r.OccurrenceTicks).Take(Math.Clamp(limit, 1, 1000))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(ToRecord)];
        }, cancellationToken);

    private static async Task<ScheduleRunRow?> LastRunAsync(HistoryDbContext db, string scheduleId, CancellationToken cancellationToken) =>
        await db.Set<ScheduleRunRow>().AsNoTracking().Where(r => r.ScheduleId == scheduleId)
            .OrderByDescending(r => r.StartedTicks).ThenByDescending(r => r.OccurrenceTicks)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    private static ScheduleState ToState(ScheduleRow row, ScheduleRunRow? last) => new(
        Schedule.Create(row.Name, row.Cron, row.TimeZone, ScanScopeList(row.Regions), ScanScopeList(row.Types), row.Enabled, (ScheduleOrigin)row.Origin),
        At(row.CreatedTicks), At(row.UpdatedTicks), row.NextTicks is { } next ? At(next) : null, last is null ? null : ToRecord(last),
        row.LastOccurrenceTicks is { } occurrence ? At(occurrence) : null);

    private static ScheduleRunRecord ToRecord(ScheduleRunRow row) => new(
        row.ScheduleId, At(row.OccurrenceTicks), (ScheduleRunStatus)row.Status, row.CaughtUp, row.Manual, row.Instance, At(row.StartedTicks),
        row.FinishedTicks is { } finished ? At(finished) : null, row.ScanId, row.Note, FollowUpJson.Read(row.FollowUps));

    private static string[] ScanScopeList(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    private async Task<T> RunAsync<T>(Func<HistoryDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await history.MigrateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = Database.CreateContext();
            return await work(db).ConfigureAwait(false);
        }
        catch (Exception ex) when (HistoryDatabase.IsDatabaseFailure(ex))
        {
            throw Database.Unavailable(ex);
        }
    }
}
