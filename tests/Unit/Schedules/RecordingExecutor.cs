using System.Collections.Concurrent;
using FinOps.Domain.Schedules;

namespace FinOps.Tests.Unit.Schedules;

/// <summary>An executor that finishes every run at once with a scan id of its own, and remembers what it ran and when.</summary>
public sealed class RecordingExecutor(TimeProvider time) : IScheduledRunExecutor
{
    private int _count;

    /// <summary>Each run: the claim, when it ran, and the previous scan it was given.</summary>
    public ConcurrentQueue<(ScheduleRunRecord Claim, DateTimeOffset At, string? Previous)> Calls { get; } = new();

    public Task<ScheduleRunRecord> RunAsync(Schedule schedule, ScheduleRunRecord claim, string? previousScanId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Calls.Enqueue((claim, now, previousScanId));
        var scan = $"scan-{Interlocked.Increment(ref _count)}";
        return Task.FromResult(claim with { Status = ScheduleRunStatus.Succeeded, FinishedAt = now, ScanId = scan });
    }
}
