using FinOps.Domain.History;
using FinOps.Domain.Scanning;
using FinOps.Domain.Schedules;
using FinOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// Scheduled audits: every schedule with its next run and its last run (outcome, scan link, failed deliveries); admins
/// create, edit, delete and run them. Thin: parses the form through <see cref="Schedule.Create"/>, calls
/// <see cref="ScheduleService"/>, audits what changed. The list is read again when this instance's schedules or runs
/// change (<see cref="ScheduleService.Changed"/>), and every half minute for other instances' edits and runs.
/// </summary>
public sealed partial class Schedules : IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _cts = new();
    private readonly ScheduleForm _form = new();
    private IReadOnlyList<ScheduleState>? _schedules;
    private string? _problem;
    private string? _message;
    private string? _formError;
    private bool _editing;
    private bool _busy;
    private Timer? _refresh;

    [Inject]
    public required ScheduleService Service { get; init; }

    [Inject]
    public required HistoryService History { get; init; }

    [Inject]
    public required DashboardUser User { get; init; }

    [Inject]
    public required AuditTrail Audit { get; init; }

    /// <summary>Whether this visitor may change schedules (admins, and the local user of local mode).</summary>
    private bool CanEdit { get; set; }

    public void Dispose()
    {
        Service.Changed -= OnChanged;
        _refresh?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        CanEdit = await User.MayAsync(FinOpsAction.EditSchedules);
        await LoadAsync();
        Service.Changed += OnChanged;
        _refresh = new Timer(_ => OnChanged(), null, RefreshEvery, RefreshEvery);
    }

    private void OnChanged() => _ = InvokeAsync(LoadAsync);

    private async Task LoadAsync()
    {
        if (_cts.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _schedules = await Service.ListAsync(_cts.Token);
            _problem = null;
        }
        catch (HistoryUnavailableException ex)
        {
            _problem = "Schedules are kept in the history store, which cannot be read right now: " + History.ForCallers(ex.Message);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }

        StateHasChanged();
    }

    private void Edit(Schedule schedule)
    {
        _form.From(schedule);
        _editing = true;
        _formError = null;
    }

    private void ClearForm()
    {
        _form.Clear();
        _editing = false;
        _formError = null;
    }

    private async Task SaveAsync()
    {
        await ChangeAsync(async (user, token) =>
        {
            var schedule = Schedule.Create(_form.Name, _form.Cron, _form.TimeZone, ScanScope.SplitList(_form.Regions), ScanScope.SplitList(_form.Types),
                _form.Enabled);
            var created = await Service.SaveAsync(schedule, token);
            Audit.ScheduleChanged(user, "dashboard", $"{(created ? "created" : "updated")} {schedule.Name}: {schedule.Cron}; {schedule.Scope}");
            ClearForm();
            return $"Schedule {schedule.Name} {(created ? "created" : "saved")}.";
        });
    }

    private Task DeleteAsync(Schedule schedule) =>
        ChangeAsync(async (user, token) =>
        {
            await Service.DeleteAsync(schedule.Name, token);
            Audit.ScheduleChanged(user, "dashboard", $"deleted {schedule.Name}");
            return $"Schedule {schedule.Name} deleted.";
        });

    private Task RunNowAsync(Schedule schedule) =>
        ChangeAsync(async (user, token) =>
        {
            await Service.RunNowAsync(schedule.Name, token);
            Audit.ScheduleChanged(user, "dashboard", $"ran {schedule.Name} by hand");
            return $"Schedule {schedule.Name} is running; its scan appears here when it finishes.";
        });

    /// <summary>Checks the permission again (the session may have ended), runs a change, and shows what happened.</summary>
    private async Task ChangeAsync(Func<System.Security.Claims.ClaimsPrincipal, CancellationToken, Task<string>> change)
    {
        var user = await User.PrincipalAsync();
        if (!user.Has(FinOpsAction.EditSchedules))
        {
            Audit.Denied(user, FinOpsAction.EditSchedules, "changing scheduled audits on the dashboard");
            _formError = "Changing schedules " + FinOpsPermissions.Needs(FinOpsAction.EditSchedules, user);
            return;
        }

        if (_busy)
        {
            return;
        }

        _busy = true;
        _formError = null;
        _message = null;
        try
        {
            _message = await change(user, _cts.Token);
        }
        catch (Exception ex) when (ex is InvalidScheduleException or InvalidRegionException or Domain.Resources.UnknownResourceTypeException)
        {
            // What Schedule.Create refuses (the schedule's fields and the scope's regions and types), written for people.
            _formError = ex.Message;
        }
        catch (HistoryUnavailableException ex)
        {
            _formError = "Nothing was saved: " + History.ForCallers(ex.Message);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }

    private static Color StatusColor(ScheduleRunStatus status) => status switch
    {
        ScheduleRunStatus.Succeeded => Color.Success,
        ScheduleRunStatus.Partial => Color.Warning,
        ScheduleRunStatus.Failed => Color.Error,
        _ => Color.Info,
    };

    private static string StatusText(ScheduleRunStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>What the form holds, as typed.</summary>
    private sealed class ScheduleForm
    {
        public string? Name { get; set; }

        public string? Cron { get; set; } = "0 6 * * *";

        public string? TimeZone { get; set; } = CronSchedule.DefaultTimeZone;

        public string? Regions { get; set; }

        public string? Types { get; set; }

        public bool Enabled { get; set; } = true;

        public void From(Schedule schedule)
        {
            Name = schedule.Name;
            Cron = schedule.Cron.Expression;
            TimeZone = schedule.Cron.TimeZoneId;
            Regions = schedule.Scope.RegionsText;
            Types = schedule.Scope.TypesText;
            Enabled = schedule.Enabled;
        }

        public void Clear()
        {
            Name = null;
            Cron = "0 6 * * *";
            TimeZone = CronSchedule.DefaultTimeZone;
            Regions = null;
            Types = null;
            Enabled = true;
        }
    }
}
