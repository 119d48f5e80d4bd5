namespace FinOps.Domain.Schedules;

/// <summary>Where a schedule was defined.</summary>
public enum ScheduleOrigin
{
    /// <summary>Created on the schedules page or with an MCP tool; admins may edit or delete it.</summary>
    Stored,

    /// <summary>Defined in settings (<c>FinOps:Schedules:&lt;name&gt;</c>); changed only there.</summary>
    Settings,
}
