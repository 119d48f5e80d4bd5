using System.ComponentModel;
using FinOps.Domain.History;
using FinOps.Domain.Schedules;
using FinOps.Web.Mcp.Answers;
using FinOps.Web.Security;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>Scheduled audits: create or change one by name (admins), and list them with their runs.</summary>
[McpServerToolType]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "MCP argument names are snake_case on the wire; the SDK takes them from the parameter names.")]
public sealed class ScheduleTools(ScheduleService schedules, HistoryService history, TimeProvider time)
{
    [McpToolPermission(FinOpsAction.EditSchedules)]
    [McpServerTool(Name = "schedule_compliance_audit", Title = "Schedule a compliance audit", ReadOnly = false, Destructive = false,
        Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Creates or replaces a scheduled audit by name: a scan of the given regions and resource types on a cron " +
        "schedule in a time zone, kept in history like any scan. Cron has 5 fields (minute hour day-of-month month " +
        "day-of-week, e.g. \"0 6 * * 1-5\"), 6 with seconds first, or a macro such as @daily. Occurrences missed while " +
        "the product was down run once, at start-up. Needs the finops:schedule:write scope (admins). Schedules defined " +
        "in settings cannot be changed here.")]
    public async Task<ScheduleSavedAnswer> ScheduleComplianceAuditAsync(
        [Description("The schedule's name: 1–64 letters, digits, '-', '_' or '.', e.g. \"nightly-eu\"; an existing name (any case) is replaced.")]
        string name,
        [Description("The cron expression, e.g. \"0 6 * * 1-5\" (06:00 on weekdays).")]
        string cron,
        [Description("IANA time zone the cron is read in, e.g. \"Europe/London\"; default UTC.")]
        string? time_zone = null,
        [Description("Regions to scan, e.g. [\"eu-west-1\"], or \"global\"; omit for every enabled region.")]
        string[]? regions = null,
        [Description("Resource types to scan, e.g. [\"ec2:instance\"]; omit (or [\"all\"]) for every cost-generating type.")]
        string[]? resource_types = null,
        [Description("Whether it runs (default true).")]
        bool enabled = true,
        CancellationToken cancellationToken = default)
    {
        var types = McpArguments.ResourceTypes(resource_types, required: false);
        var scope = McpArguments.Scope(types.IsEmpty ? null : types, regions);
        Schedule schedule;
        try
        {
            schedule = Schedule.Create(name, cron, time_zone, scope.Regions, scope.ResourceTypes, enabled);
        }
        catch (InvalidScheduleException ex)
        {
            throw McpErrors.Invalid(ex.Message);
        }

        var created = await Guard(() => schedules.SaveAsync(schedule, cancellationToken)).ConfigureAwait(false);
        var state = await Guard(() => schedules.FindAsync(schedule.Id, cancellationToken)).ConfigureAwait(false);
        return new ScheduleSavedAnswer(created, Answer(state ?? new ScheduleState(schedule, time.GetUtcNow(), time.GetUtcNow(), null, null, null)),
            time.GetUtcNow());
    }

    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = "list_schedules", Title = "List scheduled audits", ReadOnly = true, Destructive = false, Idempotent = true,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the scheduled audits: name, cron, time zone, scope, whether enabled, the next run and the last run " +
        "with its outcome, scan_id and any failed deliveries.")]
    public async Task<ScheduleListAnswer> ListSchedulesAsync(CancellationToken cancellationToken = default)
    {
        var list = await Guard(() => schedules.ListAsync(cancellationToken)).ConfigureAwait(false);
        return new ScheduleListAnswer([.. list.Select(Answer)], time.GetUtcNow());
    }

    private static ScheduleAnswer Answer(ScheduleState state)
    {
        var s = state.Schedule;
        return new ScheduleAnswer(s.Name, s.Cron.Expression, s.Cron.TimeZoneId, [.. s.Scope.Regions], [.. s.Scope.ResourceTypes], s.Enabled,
            s.Origin == ScheduleOrigin.Settings ? "settings" : "stored", s.Enabled ? state.NextRun : null,
            state.LastRun is { } run ? Run(run) : null);
    }

    private static ScheduleRunAnswer Run(ScheduleRunRecord run) => new(
        run.Occurrence, run.Status.ToString().ToLowerInvariant(), run.CaughtUp, run.Manual, run.StartedAt, run.FinishedAt, run.ScanId, run.Note,
        [.. run.DeliveryFailures.Select(f => $"{f.Channel} to {f.Recipient}: {f.Reason} ({f.Attempts} attempts)")]);

    private async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (InvalidScheduleException ex)
        {
            throw McpErrors.Invalid(ex.Message);
        }
        catch (HistoryUnavailableException ex)
        {
            throw McpErrors.Invalid($"Schedules are kept in the history store, which cannot be used right now: {history.ForCallers(ex.Message)}");
        }
    }
}
