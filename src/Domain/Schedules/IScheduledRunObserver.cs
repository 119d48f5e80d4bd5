namespace FinOps.Domain.Schedules;

/// <summary>
/// Told after each scheduled run has finished and been kept. What it reports is stored with the run and shown on the
/// schedules page; a failure here never loses the run.
/// </summary>
public interface IScheduledRunObserver
{
    Task<RunFollowUp> AfterRunAsync(ScheduledRun run, CancellationToken cancellationToken);
}
