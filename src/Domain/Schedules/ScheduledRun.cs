using FinOps.Domain.Scanning;

namespace FinOps.Domain.Schedules;

/// <summary>
/// One finished run of a scheduled audit, handed to what follows a run (the owner digests and the FinOps summary).
/// </summary>
/// <param name="ScheduleId">The schedule's id.</param>
/// <param name="ScheduleName">The schedule's name as people read it.</param>
/// <param name="Occurrence">The cron occurrence this run stands for (UTC).</param>
/// <param name="CaughtUp">True when the run was made at start-up for an occurrence missed while the product was down.</param>
/// <param name="Scope">The regions and resource types the schedule audits.</param>
/// <param name="ScanId">The run's scan, kept in history like any other.</param>
/// <param name="PreviousScanId">The scan of this schedule's previous run, if any: what "since the last digest" compares with.</param>
/// <param name="Result">The account's view for <paramref name="Scope"/> right after the run.</param>
public sealed record ScheduledRun(
    string ScheduleId,
    string ScheduleName,
    DateTimeOffset Occurrence,
    bool CaughtUp,
    ScanScope Scope,
    string ScanId,
    string? PreviousScanId,
    ComplianceResult Result);
