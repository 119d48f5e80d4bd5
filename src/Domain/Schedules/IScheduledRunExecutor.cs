namespace FinOps.Domain.Schedules;

/// <summary>Carries out one claimed run: the scan, then the observers. <see cref="ScheduledScanExecutor"/> is the product's.</summary>
public interface IScheduledRunExecutor
{
    /// <summary>Runs <paramref name="claim"/> of <paramref name="schedule"/> and returns the finished record (never throws for a failed scan).</summary>
    Task<ScheduleRunRecord> RunAsync(Schedule schedule, ScheduleRunRecord claim, string? previousScanId, CancellationToken cancellationToken);
}
