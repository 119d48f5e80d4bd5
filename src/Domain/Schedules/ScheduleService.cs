namespace FinOps.Domain.Schedules;

/// <summary>
/// The one entry point doors (the schedules page, MCP tools) use for scheduled audits: list them with their runs,
/// create or change one, delete one, run one now. Schedules defined in settings are shown but changed only there.
/// Callers check permissions and write the audit trail; this checks the schedule itself.
/// </summary>
public sealed class ScheduleService(IScheduleStore store, ScheduleRunner runner, TimeProvider time)
{
    /// <summary>Most runs one schedule's history read returns.</summary>
    public const int MaxRuns = 100;

    /// <summary>Raised when a schedule was saved or deleted, or a run started or was recorded, on this instance.</summary>
    public event Action? Changed
    {
        add => runner.Changed += value;
        remove => runner.Changed -= value;
    }

    /// <summary>Every schedule with its next and last run, by name.</summary>
    public async Task<IReadOnlyList<ScheduleState>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken).ConfigureAwait(false)).OrderBy(s => s.Schedule.Id, StringComparer.Ordinal)];

    /// <summary>One schedule by name (any case), or null.</summary>
    public Task<ScheduleState?> FindAsync(string name, CancellationToken cancellationToken) =>
        store.FindAsync(Schedule.IdOf(name), cancellationToken);

    /// <summary>
    /// Creates or replaces a schedule by name; returns true when it was created. Refuses (with
    /// <see cref="InvalidScheduleException"/>) a schedule defined in settings.
    /// </summary>
    public async Task<bool> SaveAsync(Schedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        await RefuseSettingsAsync(schedule.Id, "changed", cancellationToken).ConfigureAwait(false);
        var created = await store.SaveAsync(schedule, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        runner.Wake();
        return created;
    }

    /// <summary>Deletes a schedule and its runs; false when there was none. Refuses a schedule defined in settings.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var id = Schedule.IdOf(name);
        await RefuseSettingsAsync(id, "deleted", cancellationToken).ConfigureAwait(false);
        var deleted = await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        runner.Wake();
        return deleted;
    }

    /// <summary>
    /// Runs a schedule now (its scan starts in the background). Throws <see cref="InvalidScheduleException"/> when no
    /// schedule has the name or it is running already.
    /// </summary>
    public async Task<ScheduleRunRecord> RunNowAsync(string name, CancellationToken cancellationToken)
    {
        var id = Schedule.IdOf(name);
        if (await store.FindAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InvalidScheduleException($"No schedule is named '{Shorten(name)}'; list the schedules for their names.");
        }

        return await runner.RunNowAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidScheduleException($"Schedule '{Shorten(name)}' is running already; wait for its run to finish.");
    }

    /// <summary>A schedule's runs, newest first (at most <see cref="MaxRuns"/>).</summary>
    public Task<IReadOnlyList<ScheduleRunRecord>> ListRunsAsync(string name, int limit, CancellationToken cancellationToken) =>
        store.ListRunsAsync(Schedule.IdOf(name), Math.Clamp(limit, 1, MaxRuns), cancellationToken);

    private async Task RefuseSettingsAsync(string id, string verb, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken).ConfigureAwait(false) is { Schedule.Origin: ScheduleOrigin.Settings } existing)
        {
            throw new InvalidScheduleException(
                $"Schedule '{existing.Schedule.Name}' is defined in settings ({ScheduleSettings.Section}:{existing.Schedule.Name}) and can only be {verb} there.");
        }
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;
}
