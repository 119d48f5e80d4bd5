using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Scanning;

/// <summary>
/// The registry of scan jobs: starts scans in the background, one per cache key at a time (an identical request joins
/// the running job), puts each finished result into the <see cref="ScanResultCache"/>, remembers the latest result,
/// and keeps finished jobs for <c>FinishedJobRetentionMinutes</c>.
/// </summary>
public sealed partial class ScanJobs(
    MultiRegionScanner scanner,
    ScanResultCache cache,
    IOptions<ScanOptions> options,
    TimeProvider time,
    ILogger<ScanJobs> logger) : IDisposable
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, ScanJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScanJob> _running = new(StringComparer.Ordinal);
    private readonly TimeSpan _retention = TimeSpan.FromMinutes(options.Value.FinishedJobRetentionMinutes);
    private ComplianceResult? _latest;
    private ImmutableArray<JobObserver> _observers = [];

    /// <summary>The most recent successful result of any request, or null before the first scan.</summary>
    public ComplianceResult? LatestResult
    {
        get
        {
            lock (_sync)
            {
                return _latest;
            }
        }
    }

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

    /// <summary>The result of a scan by its id, while its job is retained (or it is the latest result).</summary>
    public ComplianceResult? FindResult(string scanId)
    {
        ScanJob? job;
        lock (_sync)
        {
            EvictLocked();
            if (_latest?.ScanId == scanId)
            {
                return _latest;
            }

            job = _jobs.GetValueOrDefault(scanId);
        }

        return job?.Current.Result;
    }

    /// <summary>
    /// Observes the registry: <paramref name="onJobChanged"/> is called with a job when it starts and again when it
    /// finishes (its <see cref="ScanJob.Current"/> then holds the result or the error; a successful job's result is
    /// already the <see cref="LatestResult"/> when it is newer). Calls run on the scan's threads and must be quick.
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

            // Cached before the job leaves the running set, so a caller finds either the job or the result.
            await StoreAsync(job, result).ConfigureAwait(false);
            lock (_sync)
            {
                if (_latest is null || result.AsOf >= _latest.AsOf)
                {
                    _latest = result;
                }
            }

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

    private async Task StoreAsync(ScanJob job, ComplianceResult result)
    {
        try
        {
            await cache.SetAsync(job.CacheKey, result, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A cache that cannot store only costs a rescan later; the result itself is good.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogCacheFailed(logger, job.Id, ex);
        }
    }

    private void EvictLocked()
    {
        var now = time.GetUtcNow();
        List<string>? expired = null;
        foreach (var (id, job) in _jobs)
        {
            if (job.FinishedAt is { } finished && finished + _retention <= now)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of scan job {JobId} could not be cached")]
    private static partial void LogCacheFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An observer of the scan jobs failed while told about job {JobId}")]
    private static partial void LogObserverFailed(ILogger logger, string jobId, Exception exception);

    /// <summary>One observer of the registry.</summary>
    private sealed class JobObserver(ScanJobs jobs, Action<ScanJob> onJobChanged) : IDisposable
    {
        public Action<ScanJob> OnJobChanged { get; } = onJobChanged;

        public void Dispose() => ImmutableInterlocked.Update(ref jobs._observers, static (list, o) => list.Remove(o), this);
    }
}
