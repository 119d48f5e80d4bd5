using System.Collections.Concurrent;
using System.Collections.Immutable;
using FinOps.Domain.History;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Schedules;

/// <summary>
/// Runs due schedules. On each tick it reads the schedules from the store, asks <see cref="OccurrencePlanner"/> which
/// occurrence is due (on time, or one catch-up for what was missed while down), claims it in the store — so among
/// several instances on one store exactly one runs it, and a restarted instance neither repeats nor skips it — and
/// runs it with <see cref="IScheduledRunExecutor"/>. It sleeps until the soonest next occurrence (at most
/// <see cref="PollInterval"/>, to see other instances' edits), on the DI <see cref="TimeProvider"/>, and wakes at once
/// when a schedule is saved here. Schedules from settings are written to the store at start.
/// </summary>
public sealed partial class ScheduleRunner : BackgroundService
{
    /// <summary>Longest sleep between two looks at the store.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    /// <summary>A claim still running after this long is taken to be left by an instance that died, and taken over.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromHours(2);

    /// <summary>Wait before trying an unreachable store again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private readonly IScheduleStore _store;
    private readonly IScheduledRunExecutor _executor;
    private readonly ScheduleSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILogger _audit;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stopping;
    private readonly Task? _startAfter;

    public ScheduleRunner(IScheduleStore store, IScheduledRunExecutor executor, IOptions<ScheduleSettings> settings, TimeProvider time,
        ILoggerFactory loggers, string? instance = null, Task? startAfter = null)
    {
        _startAfter = startAfter;
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        _store = store;
        _executor = executor;
        _settings = settings.Value;
        _time = time;
        _logger = loggers.CreateLogger<ScheduleRunner>();
        _audit = loggers.CreateLogger("FinOps.Audit");
        Instance = instance ?? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>This instance's name in claims.</summary>
    public string Instance { get; }

    /// <summary>Completes when every run started so far has finished and been recorded.</summary>
    public Task WhenIdle => Task.WhenAll(_running.Values);

    /// <summary>
    /// Raised when this instance's schedules or runs changed: a schedule saved or deleted, its next run planned, a run
    /// started or recorded. Pages
    /// read the list again on it instead of polling the store.
    /// </summary>
    public event Action? Changed;

    /// <summary>Wakes the runner now (a schedule was saved or deleted, or a run ended) and tells who listens.</summary>
    public void Wake()
    {
        Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        Changed?.Invoke();
    }

    /// <summary>Writes the schedules defined in settings to the store and deletes settings schedules no longer there.</summary>
    public async Task SyncSettingsAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var defined = _settings.Schedules.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var schedule in defined.Values)
        {
            await _store.SaveAsync(schedule, now, cancellationToken).ConfigureAwait(false);
        }

        foreach (var state in await _store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (state.Schedule.Origin == ScheduleOrigin.Settings && !defined.ContainsKey(state.Schedule.Id))
            {
                await _store.DeleteAsync(state.Schedule.Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Looks once: claims and starts every due occurrence, records each schedule's next run, and returns how long to
    /// sleep. Runs continue in the background (<see cref="WhenIdle"/>).
    /// </summary>
    public async Task<TimeSpan> TickAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? soonest = null;
        foreach (var state in await _store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var schedule = state.Schedule;
            if (!schedule.Enabled || _running.ContainsKey(schedule.Id))
            {
                continue;
            }

            var plan = OccurrencePlanner.Plan(schedule.Cron, state.PlanningSince, now);
            if (plan.Next is { } next && (soonest is null || next < soonest))
            {
                soonest = next;
            }

            if (plan.Due is { } due)
            {
                var claim = new ScheduleRunRecord(schedule.Id, due, ScheduleRunStatus.Running, plan.CaughtUp, false, Instance, now, null, null, plan.Note, []);
                if (await _store.TryClaimAsync(claim, now - LeaseDuration, plan.Next, cancellationToken).ConfigureAwait(false))
                {
                    Start(schedule, claim, await PreviousScanAsync(state, cancellationToken).ConfigureAwait(false));
                }
            }
            else if (state.NextRun != plan.Next)
            {
                await _store.SetNextRunAsync(schedule.Id, plan.Next, cancellationToken).ConfigureAwait(false);
                Changed?.Invoke();
            }
        }

        var wait = soonest is { } at ? at - now : PollInterval;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > PollInterval ? PollInterval : wait;
    }

    /// <summary>Runs a schedule now, by hand; returns the claim, or null when the schedule is unknown or already running here.</summary>
    public async Task<ScheduleRunRecord?> RunNowAsync(string scheduleId, CancellationToken cancellationToken)
    {
        if (await _store.FindAsync(scheduleId, cancellationToken).ConfigureAwait(false) is not { } state || _running.ContainsKey(state.Schedule.Id))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var claim = new ScheduleRunRecord(state.Schedule.Id, now, ScheduleRunStatus.Running, false, true, Instance, now, null, null, "Started by hand.", []);
        if (!await _store.TryClaimAsync(claim, now - LeaseDuration, null, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        Start(state.Schedule, claim, await PreviousScanAsync(state, cancellationToken).ConfigureAwait(false));
        return claim;
    }

    /// <summary>The scan of the schedule's newest run that has one (a failed run may have none).</summary>
    private async Task<string?> PreviousScanAsync(ScheduleState state, CancellationToken cancellationToken)
    {
        if (state.LastRun is null || state.LastRun.ScanId is not null)
        {
            return state.LastRun?.ScanId;
        }

        var runs = await _store.ListRunsAsync(state.Schedule.Id, 20, cancellationToken).ConfigureAwait(false);
        return runs.FirstOrDefault(r => r.ScanId is not null)?.ScanId;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        // The first look waits, off the host's start-up path, until the account state is restored: a catch-up run then
        // starts from the kept state, and start-up reads nothing else while the restore is under way.
        await Task.Yield();
        if (_startAfter is not null)
        {
            await _startAfter.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        var synced = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = Volatile.Read(ref _wake).Task;
            TimeSpan wait;
            try
            {
                if (!synced)
                {
                    await SyncSettingsAsync(stoppingToken).ConfigureAwait(false);
                    synced = true;
                }

                wait = await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (HistoryUnavailableException ex)
            {
                LogStoreUnavailable(_logger, ex.Message);
                wait = RetryDelay;
            }

            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(wait, _time, sleep.Token);
            await Task.WhenAny(woken, delay).ConfigureAwait(false);
            await sleep.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await WhenIdle.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Runs end with the app.
        }
    }

    private void Start(Schedule schedule, ScheduleRunRecord claim, string? previousScanId)
    {
        Changed?.Invoke();
        LogRunStarted(_audit, schedule.Name, claim.Occurrence, claim.Manual ? "by hand" : claim.CaughtUp ? "as a catch-up" : "on time", Instance);
        // The run waits until it is listed, so a run that ends at once is removed from the list after it was added.
        var listed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running[schedule.Id] = Task.Run(async () =>
        {
            await listed.Task.ConfigureAwait(false);
            await RunAsync(schedule, claim, previousScanId).ConfigureAwait(false);
        }, CancellationToken.None);
        listed.SetResult();
    }

    private async Task RunAsync(Schedule schedule, ScheduleRunRecord claim, string? previousScanId)
    {
        try
        {
            ScheduleRunRecord finished;
            try
            {
                finished = await _executor.RunAsync(schedule, claim, previousScanId, _stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                finished = claim with { Status = ScheduleRunStatus.Failed, FinishedAt = _time.GetUtcNow(), Note = "The app stopped during the run." };
            }

            await RecordAsync(finished).ConfigureAwait(false);
            if (_audit.IsEnabled(LogLevel.Information))
            {
                var status = finished.Status.ToString();
                var failures = finished.DeliveryFailures.Count();
                LogRunFinished(_audit, schedule.Name, finished.Occurrence, status, finished.ScanId ?? "none", failures);
            }
        }
        finally
        {
            _running.TryRemove(schedule.Id, out _);
            Wake();
        }
    }

    /// <summary>Records a finished run, retrying while the store is unreachable (a finished run is not dropped while the app runs).</summary>
    private async Task RecordAsync(ScheduleRunRecord finished)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.CompleteAsync(finished, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (HistoryUnavailableException ex) when (attempt < 20 && !_stopping.IsCancellationRequested)
            {
                LogStoreUnavailable(_logger, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), _time, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Scheduled audits wait for the store: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 7020, EventName = "ScheduledRunStarted", Level = LogLevel.Information,
        Message = "Scheduled audit {Schedule} started for {Occurrence:o} {How} on {Instance}")]
    private static partial void LogRunStarted(ILogger logger, string schedule, DateTimeOffset occurrence, string how, string instance);

    [LoggerMessage(EventId = 7021, EventName = "ScheduledRunFinished", Level = LogLevel.Information,
        Message = "Scheduled audit {Schedule} for {Occurrence:o} finished {Status} with scan {ScanId}; {Failures} delivery failures")]
    private static partial void LogRunFinished(ILogger logger, string schedule, DateTimeOffset occurrence, string status, string scanId, int failures);
}
