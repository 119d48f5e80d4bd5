using System.Collections.Immutable;

namespace FinOps.Domain.Schedules;

/// <summary>
/// One run of a schedule as kept in the store: the occurrence it stands for (also its key, so it runs once), who ran
/// it, its scan and outcome, and what the observers reported afterwards.
/// </summary>
/// <param name="ScheduleId">The schedule's id.</param>
/// <param name="Occurrence">The cron occurrence (UTC); for a run started by hand, the moment it was asked for.</param>
/// <param name="Status">How it went.</param>
/// <param name="CaughtUp">Run late for an occurrence missed while the product was down.</param>
/// <param name="Manual">Started by hand ("run now"), not by the clock.</param>
/// <param name="Instance">The app instance that claimed it.</param>
/// <param name="StartedAt">When it was claimed (UTC).</param>
/// <param name="FinishedAt">When it finished (UTC), or null while running.</param>
/// <param name="ScanId">Its scan, once started.</param>
/// <param name="Note">What people should know: the catch-up note, the failure reason.</param>
/// <param name="FollowUps">What each observer reported after the run.</param>
public sealed record ScheduleRunRecord(
    string ScheduleId,
    DateTimeOffset Occurrence,
    ScheduleRunStatus Status,
    bool CaughtUp,
    bool Manual,
    string Instance,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? ScanId,
    string? Note,
    ImmutableArray<RunFollowUp> FollowUps)
{
    /// <summary>Every delivery failure the observers reported.</summary>
    public IEnumerable<DeliveryFailure> DeliveryFailures => FollowUps.IsDefault ? [] : FollowUps.SelectMany(f => f.Failures);
}
