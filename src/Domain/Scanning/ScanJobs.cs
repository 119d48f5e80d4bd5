using System.Collections.Immutable;
using FinOps.Domain.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Scanning;

/// <summary>
/// The registry of scan jobs: starts scans in the background, one per cache key at a time (an identical request joins
/// the running job), applies each finished scan to the account state (<see cref="AccountStateKeeper"/>) before its job
/// completes, and keeps finished jobs for <c>FinishedJobRetentionMinutes</c>.
/// </summary>
public sealed partial class ScanJobs(
    MultiRegionScanner scanner,
    AccountStateKeeper state,
    IOptions<ScanOptions> options,
    TimeProvider time,
    ILogger<ScanJobs> logger) : IDisposable
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, ScanJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScanJob> _running = new(StringComparer.Ordinal);
    private readonly TimeSpan _retention = TimeSpan.FromMinutes(options.Value.FinishedJobRetentionMinutes);
    private ImmutableArray<JobObserver> _observers = [];

    /// <summary>Starts the plan's scan in the background, or returns the job already running it.</summary>
    public ScanJob Start(ScanPlan plan) => JoinOrStart(plan, background: true);

    /// <summary>
    /// The result of the plan's scan: joins the running job or starts one. When every caller waiting this way gives up
    /// (and nobody started the job to run in the background) the scan is cancelled.
    /// </summary>
    public Task<ComplianceResult> GetResultAsync(ScanPlan plan, CancellationToken cancellationToken) =>
        JoinOrStart(plan, background: false).WaitAttachedAsync(cancellationToken);

    /// <summary>A job by id, while it runs or is retained.</summary>
    public ScanJob? Get(string jobId)
    {
        lock (_sync)
        {
            EvictLocked();
            return _jobs.GetValueOrDefault(jobId);
        }
    }

    /// <summary>Running and retained jobs, newest first.</summary>
    public IReadOnlyList<ScanJob> List()
    {
        lock (_sync)
        {
            EvictLocked();
            return [.. _jobs.Values.OrderByDescending(j => j.StartedAt)];
        }
    }

    /// <summary>The newest job still running, or null.</summary>
    public ScanJob? Running
    {
        get
        {
            lock (_sync)
            {
                return _running.Values.OrderByDescending(j => j.StartedAt).FirstOrDefault();
            }
        }
    }

    /// <summary>A scan's own result (what that scan alone found) by its id, while its job is retained.</summary>
    public ComplianceResult? FindResult(string scanId)
    {
        ScanJob? job;
        lock (_sync)
        {
            EvictLocked();
            job = _jobs.GetValueOrDefault(scanId);
        }

        return job?.Current.Result;
    }

    /// <summary>
    /// Observes the registry: <paramref name="onJobChanged"/> is called with a job when it starts and again when it
    /// finishes (its <see cref="ScanJob.Current"/> then holds the result or the error; a successful job's result is
    /// already applied to the account state). Calls run on the scan's threads and must be quick.
    /// Dispose the returned handle to stop observing.
    /// </summary>
    public IDisposable Subscribe(Action<ScanJob> onJobChanged)
    {
        ArgumentNullException.ThrowIfNull(onJobChanged);
        var observer = new JobObserver(this, onJobChanged);
        ImmutableInterlocked.Update(ref _observers, static (list, o) => list.Add(o), observer);
        return observer;
    }

    /// <summary>Cancels every running job (host shutdown).</summary>
    public void Dispose()
    {
        List<ScanJob> running;
        lock (_sync)
        {
            running = [.. _running.Values];
        }

        foreach (var job in running)
        {
            job.Cancel();
        }
    }

    private ScanJob JoinOrStart(ScanPlan plan, bool background)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ScanJob job;
        lock (_sync)
        {
            EvictLocked();
            if (_running.TryGetValue(plan.CacheKey, out var running) && running.TryAttach(background))
            {
                return running;
            }

            job = new ScanJob(Guid.NewGuid().ToString("N"), plan, background, time, logger);
            _running[plan.CacheKey] = job;
            _jobs[job.Id] = job;
        }

        LogStarted(logger, job.Id, plan.Regions.Length, plan.Types.Length);
        _ = Task.Run(() => RunAsync(job));
        Notify(job);
        return job;
    }

    private async Task RunAsync(ScanJob job)
    {
        try
        {
            var result = await scanner.ScanAsync(job.Plan, job.Id, job.Progress, job.CancellationToken).ConfigureAwait(false);

            // Applied before the job completes, so whoever waits for it reads a state that includes it.
            Apply(job, result);
            job.Succeed(result);
        }
        catch (OperationCanceledException) when (job.CancellationToken.IsCancellationRequested)
        {
            job.MarkCancelled();
        }
#pragma warning disable CA1031 // The job reports the failure to whoever waits or watches; nobody else could catch it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, job.Id, ex);
            job.Fail(ex);
        }
        finally
        {
            lock (_sync)
            {
                if (_running.TryGetValue(job.CacheKey, out var current) && ReferenceEquals(current, job))
                {
                    _running.Remove(job.CacheKey);
                }
            }

            Notify(job);
        }
    }

    private void Notify(ScanJob job)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnJobChanged(job);
            }
#pragma warning disable CA1031 // One broken page must not stop the scan or the other observers.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogObserverFailed(logger, job.Id, ex);
            }
        }
    }

    private void Apply(ScanJob job, ComplianceResult result)
    {
        try
        {
            state.Apply(result);
        }
#pragma warning disable CA1031 // The scan's own result stays readable by its id even if the state cannot take it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogApplyFailed(logger, job.Id, ex);
        }
    }

    private void EvictLocked()
    {
        var now = time.GetUtcNow();
        List<string>? expired = null;

        // The newest finished scan stays readable by its id however old it is: it is what the account state last took in.
        var newest = _jobs.Values.Where(j => j.FinishedAt is not null).MaxBy(j => j.FinishedAt);
        foreach (var (id, job) in _jobs)
        {
            if (!ReferenceEquals(job, newest) && job.FinishedAt is { } finished && finished + _retention <= now)
            {
                (expired ??= []).Add(id);
            }
        }

        expired?.ForEach(id => _jobs.Remove(id));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan job {JobId} started: {Regions} regions, {Types} types")]
    private static partial void LogStarted(ILogger logger, string jobId, int regions, int types);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scan job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The result of scan job {JobId} could not be applied to the account state")]
    private static partial void LogApplyFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An observer of the scan jobs failed while told about job {JobId}")]
    private static partial void LogObserverFailed(ILogger logger, string jobId, Exception exception);

    /// <summary>One observer of the registry.</summary>
    private sealed class JobObserver(ScanJobs jobs, Action<ScanJob> onJobChanged) : IDisposable
    {
        public Action<ScanJob> OnJobChanged { get; } = onJobChanged;

        public void Dispose() => ImmutableInterlocked.Update(ref jobs._observers, static (list, o) => list.Remove(o), this);
    }
}
