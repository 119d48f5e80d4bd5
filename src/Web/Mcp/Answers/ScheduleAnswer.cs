using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One scheduled audit as MCP tools answer it.</summary>
public sealed record ScheduleAnswer(
    [property: Description("The schedule's name.")] string Name,
    [property: Description("The cron expression (5 fields, or 6 with seconds first).")] string Cron,
    [property: Description("The IANA time zone the cron is read in.")] string TimeZone,
    [property: Description("Regions each run scans; empty for every enabled region.")] IReadOnlyList<string> Regions,
    [property: Description("Resource types each run scans.")] IReadOnlyList<string> ResourceTypes,
    [property: Description("Whether it runs.")] bool Enabled,
    [property: Description("settings (change it in FinOps:Schedules) or stored (admins change it here or on /schedules).")] string DefinedIn,
    [property: Description("The next run (UTC), or null when none is planned.")] DateTimeOffset? NextRun,
    [property: Description("The newest run, or null before the first.")] ScheduleRunAnswer? LastRun);

/// <summary>One run of a scheduled audit.</summary>
public sealed record ScheduleRunAnswer(
    [property: Description("The cron occurrence it stands for (UTC); for a run by hand, when it was asked for.")] DateTimeOffset Occurrence,
    [property: Description("running, succeeded, partial or failed.")] string Status,
    [property: Description("True when it ran late, once, for occurrences missed while the product was down.")] bool CaughtUp,
    [property: Description("True when started by hand.")] bool Manual,
    [property: Description("When it started (UTC).")] DateTimeOffset StartedAt,
    [property: Description("When it finished (UTC), or null while running.")] DateTimeOffset? FinishedAt,
    [property: Description("Its scan (see get_scan_status, list_scans, /scan/{id}), or null.")] string? ScanId,
    [property: Description("What to know about it (catch-up, failure reason), or null.")] string? Note,
    [property: Description("Deliveries that failed after the run (notifications), in words.")] IReadOnlyList<string> DeliveryFailures);

/// <summary>The answer of list_schedules.</summary>
public sealed record ScheduleListAnswer(
    [property: Description("Every scheduled audit, by name.")] IReadOnlyList<ScheduleAnswer> Schedules,
    [property: Description("When this answer was made (UTC).")] DateTimeOffset GeneratedAt);

/// <summary>The answer of schedule_compliance_audit.</summary>
public sealed record ScheduleSavedAnswer(
    [property: Description("True when the schedule was created, false when an existing one was replaced.")] bool Created,
    [property: Description("The schedule as saved.")] ScheduleAnswer Schedule,
    [property: Description("When this answer was made (UTC).")] DateTimeOffset GeneratedAt);
