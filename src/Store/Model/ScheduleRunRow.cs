namespace FinOps.Store.Model;

/// <summary>
/// One run of a schedule (table <c>schedule_runs</c>). Its key (schedule, occurrence) is the lease: the instance whose
/// insert of the key succeeds runs the occurrence.
/// </summary>
public sealed class ScheduleRunRow
{
    public string ScheduleId { get; set; } = "";

    public long OccurrenceTicks { get; set; }

    /// <summary><see cref="Domain.Schedules.ScheduleRunStatus"/>.</summary>
    public int Status { get; set; }

    public bool CaughtUp { get; set; }

    public bool Manual { get; set; }

    public string Instance { get; set; } = "";

    public long StartedTicks { get; set; }

    public long? FinishedTicks { get; set; }

    public string? ScanId { get; set; }

    public string? Note { get; set; }

    /// <summary>The observers' follow-ups as JSON, or null.</summary>
    public string? FollowUps { get; set; }
}
