using System.Collections.Immutable;
using FinOps.Domain.Scanning;
using Microsoft.Extensions.Logging;

namespace FinOps.Domain.Schedules;

/// <summary>
/// A scheduled run is an ordinary scan of the schedule's scope (kept in history by the history recorder like any
/// other), followed by every registered <see cref="IScheduledRunObserver"/>. An observer that throws is recorded as a
/// follow-up with a failure; the run is kept either way.
/// </summary>
public sealed partial class ScheduledScanExecutor(
    ComplianceService compliance,
    IEnumerable<IScheduledRunObserver> observers,
    TimeProvider time,
    ILogger<ScheduledScanExecutor> logger) : IScheduledRunExecutor
{
    private readonly ImmutableArray<IScheduledRunObserver> _observers = [.. observers];

    public async Task<ScheduleRunRecord> RunAsync(Schedule schedule, ScheduleRunRecord claim, string? previousScanId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(claim);
        ScanJob job;
        ComplianceResult result;
        try
        {
            job = await compliance.StartScanAsync(new ScanRequest(schedule.Scope, null, ForceRefresh: true), cancellationToken).ConfigureAwait(false);
            result = await job.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogScanFailed(logger, schedule.Name, ex.Message);
            return claim with
            {
                Status = ScheduleRunStatus.Failed,
                FinishedAt = time.GetUtcNow(),
                Note = Join(claim.Note, "The scan did not finish: " + FailureText.Of(ex)),
            };
        }

        var status = result.DataQuality.Status switch
        {
            DataQualityStatus.Complete => ScheduleRunStatus.Succeeded,
            DataQualityStatus.Partial => ScheduleRunStatus.Partial,
            _ => ScheduleRunStatus.Failed,
        };
        var run = new ScheduledRun(schedule.Id, schedule.Name, claim.Occurrence, claim.CaughtUp, schedule.Scope, job.Id, previousScanId, result);
        var followUps = ImmutableArray.CreateBuilder<RunFollowUp>(_observers.Length);
        foreach (var observer in _observers)
        {
            followUps.Add(await FollowUpAsync(observer, run, cancellationToken).ConfigureAwait(false));
        }

        return claim with { Status = status, FinishedAt = time.GetUtcNow(), ScanId = job.Id, FollowUps = followUps.MoveToImmutable() };
    }

    private async Task<RunFollowUp> FollowUpAsync(IScheduledRunObserver observer, ScheduledRun run, CancellationToken cancellationToken)
    {
        var name = observer.GetType().Name;
        try
        {
            return await observer.AfterRunAsync(run, cancellationToken).ConfigureAwait(false)
                ?? new RunFollowUp(name, 0, 0, []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogObserverFailed(logger, name, run.ScheduleName, ex.Message);
            return new RunFollowUp(name, 0, 0, [new DeliveryFailure("observer", name, "The follow-up failed: " + FailureText.Of(ex), 1)]);
        }
    }

    private static string Join(string? first, string second) => string.IsNullOrEmpty(first) ? second : first + " " + second;

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Scheduled audit {Schedule}: the scan did not finish: {Reason}")]
    private static partial void LogScanFailed(ILogger logger, string schedule, string reason);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Follow-up {Observer} failed after scheduled audit {Schedule}: {Reason}")]
    private static partial void LogObserverFailed(ILogger logger, string observer, string schedule, string reason);
}
