namespace FinOps.Domain.Schedules;

/// <summary>
/// Where schedules and their runs are kept, shared by every app instance on one database. A run is claimed before it
/// starts (<see cref="TryClaimAsync"/>): the claim is keyed by (schedule, occurrence), so among instances exactly one
/// wins, and a claim left behind by an instance that died is taken over only after it expires. Failures to reach the
/// database are <see cref="History.HistoryUnavailableException"/>s.
/// </summary>
public interface IScheduleStore
{
    /// <summary>Every schedule with its run state, by id.</summary>
    Task<IReadOnlyList<ScheduleState>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One schedule by id, or null.</summary>
    Task<ScheduleState?> FindAsync(string scheduleId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates or replaces a schedule's definition. A changed cron, time zone or enabled flag restarts planning from
    /// <paramref name="now"/> (no catch-up for the old definition); runs are kept. Returns true when it was created.
    /// </summary>
    Task<bool> SaveAsync(Schedule schedule, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes a schedule and its runs; false when there was none.</summary>
    Task<bool> DeleteAsync(string scheduleId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a run of (schedule, occurrence) for <paramref name="instance"/>: true for exactly one caller per occurrence
    /// (a unique key), unless an earlier claim is still <see cref="ScheduleRunStatus.Running"/> and older than
    /// <paramref name="expiredBefore"/>, when one caller takes it over. A clock-driven claim also records the
    /// occurrence as the schedule's last and <paramref name="nextRun"/> as its next run.
    /// </summary>
    Task<bool> TryClaimAsync(ScheduleRunRecord claim, DateTimeOffset expiredBefore, DateTimeOffset? nextRun, CancellationToken cancellationToken);

    /// <summary>Records what became of a claimed run (status, scan, note, follow-ups).</summary>
    Task CompleteAsync(ScheduleRunRecord run, CancellationToken cancellationToken);

    /// <summary>Sets the next run shown for a schedule.</summary>
    Task SetNextRunAsync(string scheduleId, DateTimeOffset? nextRun, CancellationToken cancellationToken);

    /// <summary>A schedule's runs, newest first.</summary>
    Task<IReadOnlyList<ScheduleRunRecord>> ListRunsAsync(string scheduleId, int limit, CancellationToken cancellationToken);
}
