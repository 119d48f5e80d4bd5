namespace FinOps.Domain.Schedules;

/// <summary>How a scheduled run went.</summary>
public enum ScheduleRunStatus
{
    /// <summary>Claimed by an instance and running.</summary>
    Running,

    /// <summary>The scan finished and every region answered.</summary>
    Succeeded,

    /// <summary>The scan finished but some regions failed.</summary>
    Partial,

    /// <summary>The scan could not be started or did not finish.</summary>
    Failed,
}
