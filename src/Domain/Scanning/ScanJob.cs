using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FinOps.Domain.Resources;
using Microsoft.Extensions.Logging;

namespace FinOps.Domain.Scanning;

/// <summary>
/// A scan running in the background (or finished): its live state per region, its result, and its observers.
/// Observers receive immutable <see cref="ScanJobSnapshot"/>s, coalesced to at most one per
/// <see cref="MinimumUpdateInterval"/> however fast pages arrive (the latest state wins); the final state is always
/// delivered at once. Callbacks run on the scan's threads and must be quick (e.g. schedule a re-render).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "The cancellation source has no timer and no wait handle is ever taken from it; disposing it would race Cancel().")]
public sealed partial class ScanJob
{
    /// <summary>Shortest time between two updates to observers (about ten per second).</summary>
    public static readonly TimeSpan MinimumUpdateInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _sync = new();
    private readonly Lock _delivery = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource<ComplianceResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, RegionRow> _rows = new(StringComparer.Ordinal);
    private readonly List<RegionRow> _order = [];
    private readonly ITimer _timer;
    private ImmutableArray<Observer> _observers = [];
    private ScanJobStatus _status = ScanJobStatus.Running;
    private double _percent;
    private DateTimeOffset? _finishedAt;
    private ComplianceResult? _result;
    private string? _error;
    private long _version = 1;
    private bool _updatePending;
    private DateTimeOffset _lastUpdate = DateTimeOffset.MinValue;
    private int _waiters;
    private bool _background;
    private bool _cancelRequested;

    internal ScanJob(string id, ScanPlan plan, bool background, TimeProvider time, ILogger logger)
    {
        Id = id;
        Plan = plan;
        _time = time;
        _logger = logger;
        _background = background;
        _waiters = background ? 0 : 1;
        StartedAt = time.GetUtcNow();
        foreach (var region in plan.Regions)
        {
            AddRow(region);
        }

        if (!plan.GlobalTypes.IsEmpty)
        {
            AddRow(ResourceCatalogue.GlobalRegion);
        }

        _timer = time.CreateTimer(static state => ((ScanJob)state!).OnUpdateDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Progress = new ProgressRelay<ScanProgressEvent>(Apply);
    }

    /// <summary>The job's id; also the id of the scan and of its result.</summary>
    public string Id { get; }

    public ScanRequest Request => Plan.Request;

    /// <summary>The result-cache key of the request (identical requests share one running job).</summary>
    public string CacheKey => Plan.CacheKey;

    public DateTimeOffset StartedAt { get; }

    /// <summary>Completes with the result, faults with the scan's error, or is cancelled.</summary>
    public Task<ComplianceResult> Completion => _completion.Task;

    public bool IsFinished
    {
        get
        {
            lock (_sync)
            {
                return _status != ScanJobStatus.Running;
            }
        }
    }

    /// <summary>The state right now.</summary>
    public ScanJobSnapshot Current
    {
        get
        {
            lock (_sync)
            {
                return BuildLocked();
            }
        }
    }

    internal ScanPlan Plan { get; }

    internal IProgress<ScanProgressEvent> Progress { get; }

    internal CancellationToken CancellationToken => _cancellation.Token;

    internal DateTimeOffset? FinishedAt
    {
        get
        {
            lock (_sync)
            {
                return _finishedAt;
            }
        }
    }

    /// <summary>Stops the scan; every region still running ends as cancelled.</summary>
    public void Cancel()
    {
        lock (_sync)
        {
            _cancelRequested = true;
        }

        // Callbacks run elsewhere, never inside an observer's call that asked for the cancellation.
        _ = _cancellation.CancelAsync();
    }

    /// <summary>
    /// Observes the job: <paramref name="onUpdate"/> gets the current state at once, then coalesced updates until the
    /// final state. Dispose the returned handle to stop observing.
    /// </summary>
    public IDisposable Subscribe(Action<ScanJobSnapshot> onUpdate)
    {
        ArgumentNullException.ThrowIfNull(onUpdate);
        var observer = new Observer(this, onUpdate);
        lock (_delivery)
        {
            ImmutableInterlocked.Update(ref _observers, static (list, o) => list.Add(o), observer);
            observer.Offer(Current);
        }

        return observer;
    }

    /// <summary>The job's states as they change (coalesced, latest wins), ending with the final state.</summary>
    public async IAsyncEnumerable<ScanJobSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<ScanJobSnapshot>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        using var subscription = Subscribe(s => channel.Writer.TryWrite(s));
        while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (channel.Reader.TryRead(out var snapshot))
            {
                yield return snapshot;
                if (snapshot.IsFinished)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// Joins a caller to the job; false once its cancellation was requested or it has finished (the caller starts a
    /// new job). A finished job is still registered as running for a moment after its result is out; joining it then
    /// would hand a forced refresh the previous scan's result.
    /// </summary>
    internal bool TryAttach(bool background)
    {
        lock (_sync)
        {
            if (_cancelRequested || _status != ScanJobStatus.Running)
            {
                return false;
            }

            if (background)
            {
                _background = true;
            }
            else
            {
                _waiters++;
            }

            return true;
        }
    }

    /// <summary>
    /// Waits for the result as an attached caller. When every attached caller gave up and nobody asked for the job
    /// to run in the background, the scan is cancelled: nobody would read its result.
    /// </summary>
    internal async Task<ComplianceResult> WaitAttachedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            bool abandon;
            lock (_sync)
            {
                _waiters--;
                abandon = _waiters == 0 && !_background && !_completion.Task.IsCompleted && cancellationToken.IsCancellationRequested;
                _cancelRequested |= abandon;
            }

            if (abandon)
            {
                _ = _cancellation.CancelAsync();
            }
        }
    }

    internal void Succeed(ComplianceResult result) => Finish(ScanJobStatus.Succeeded, result, null, () => _completion.TrySetResult(result));

    /// <summary>A finished scan's rows say what its result says, so a scan id's numbers never change once it ended.</summary>
    private void CountFromResultLocked(ComplianceResult result)
    {
        foreach (var row in _order)
        {
            var summary = result.Region(row.Region)?.Summary ?? ComplianceSummary.Empty;
            row.Resources = summary.TotalResources;
            row.Violations = summary.Violations;
            row.Homed = default;
        }
    }

    internal void Fail(Exception error) => Finish(ScanJobStatus.Failed, null, FailureText.Of(error), () => _completion.TrySetException(error));

    internal void MarkCancelled() => Finish(ScanJobStatus.Cancelled, null, null, () => _completion.TrySetCanceled(_cancellation.Token));

    private void Finish(ScanJobStatus status, ComplianceResult? result, string? error, Action complete)
    {
        lock (_sync)
        {
            if (_status != ScanJobStatus.Running)
            {
                return;
            }

            var now = _time.GetUtcNow();
            _status = status;
            _result = result;
            _error = error;
            _finishedAt = now;
            if (status == ScanJobStatus.Succeeded)
            {
                _percent = 100;
                CountFromResultLocked(result!);
            }

            foreach (var row in _order.Where(r => !r.IsFinished))
            {
                row.Status = RegionScanStatus.Cancelled;
                row.FinishedAt = now;
            }

            _version++;
            _updatePending = false;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        _timer.Dispose();
        Deliver();
        complete();
    }

    private void Apply(ScanProgressEvent e)
    {
        lock (_sync)
        {
            if (_status != ScanJobStatus.Running)
            {
                return;
            }

            var row = _rows.GetValueOrDefault(e.Region) ?? AddRow(e.Region);
            row.Resources = e.RegionResources;
            row.Violations = e.RegionViolations;
            row.Retries = e.RegionRetries;
            if (e.CountedElsewhere is { } elsewhere)
            {
                foreach (var (region, tally) in elsewhere)
                {
                    var home = _rows.GetValueOrDefault(region) ?? AddRow(region);
                    home.Homed = tally;
                }
            }
            switch (e.Kind)
            {
                case ScanProgressKind.RegionQueued:
                    row.Status = RegionScanStatus.Queued;
                    break;
                case ScanProgressKind.RegionStarted:
                    row.Status = RegionScanStatus.Running;
                    row.StartedAt = e.At;
                    break;
                case ScanProgressKind.PageFetched:
                case ScanProgressKind.TypeListed:
                    // A page after a retry means the retried listing is under way again.
                    row.Status = RegionScanStatus.Running;
                    row.RetryAttempt = 0;
                    row.Reason = null;
                    break;
                case ScanProgressKind.Retrying:
                    row.Status = RegionScanStatus.Retrying;
                    row.RetryAttempt = e.Attempt;
                    row.Reason = e.Reason;
                    break;
                case ScanProgressKind.RegionSucceeded:
                    End(row, RegionScanStatus.Succeeded, null, e.At);
                    break;
                case ScanProgressKind.RegionFailed:
                    End(row, RegionScanStatus.Failed, e.Reason, e.At);
                    break;
                case ScanProgressKind.RegionCancelled:
                    End(row, RegionScanStatus.Cancelled, e.Reason, e.At);
                    break;
            }

            // 100 % is for a finished job: costs and aggregation still follow the last region.
            _percent = Math.Max(_percent, Math.Min(99, e.OverallPercent));
            _version++;
        }

        ScheduleUpdate();
    }

    private static void End(RegionRow row, RegionScanStatus status, string? reason, DateTimeOffset at)
    {
        row.Status = status;
        row.Reason = reason;
        row.RetryAttempt = 0;
        row.FinishedAt = at;
    }

    /// <summary>Delivers now when the last update is old enough, else once the interval has passed (latest state then).</summary>
    private void ScheduleUpdate()
    {
        lock (_sync)
        {
            if (_updatePending || _status != ScanJobStatus.Running)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var due = _lastUpdate == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastUpdate + MinimumUpdateInterval - now;
            if (due > TimeSpan.Zero)
            {
                _updatePending = true;
                _timer.Change(due, Timeout.InfiniteTimeSpan);
                return;
            }

            _lastUpdate = now;
        }

        Deliver();
    }

    private void OnUpdateDue()
    {
        lock (_sync)
        {
            if (!_updatePending)
            {
                return;
            }

            _updatePending = false;
            _lastUpdate = _time.GetUtcNow();
        }

        Deliver();
    }

    private void Deliver()
    {
        // One delivery at a time, each of the latest state, so every observer sees versions in increasing order.
        lock (_delivery)
        {
            var snapshot = Current;
            foreach (var observer in _observers)
            {
                observer.Offer(snapshot);
            }
        }
    }

    private RegionRow AddRow(string region)
    {
        var row = new RegionRow(region);
        _rows[region] = row;
        _order.Add(row);
        return row;
    }

    private ScanJobSnapshot BuildLocked()
    {
        var now = _time.GetUtcNow();
        var rows = ImmutableArray.CreateBuilder<RegionProgress>(_order.Count);
        int resources = 0, violations = 0, retries = 0;
        foreach (var row in _order)
        {
            var elapsed = row.StartedAt is { } started ? (row.FinishedAt ?? _finishedAt ?? now) - started : TimeSpan.Zero;
            // Buckets counted in a region that failed are dropped with it, as in the result.
            var homed = row.Status is RegionScanStatus.Failed or RegionScanStatus.Cancelled ? default : row.Homed;
            var rowResources = row.Resources + homed.Resources;
            var rowViolations = row.Violations + homed.Violations;
            rows.Add(new RegionProgress(row.Region, row.Status, rowResources, rowViolations, row.Retries, row.RetryAttempt,
                row.Reason, row.StartedAt, row.FinishedAt, elapsed));
            resources += rowResources;
            violations += rowViolations;
            retries += row.Retries;
        }

        return new ScanJobSnapshot(Id, Request, CacheKey, _status, rows.MoveToImmutable(), _percent, resources, violations, retries,
            StartedAt, _finishedAt, (_finishedAt ?? now) - StartedAt, _result, _error, _version);
    }

    private void Unsubscribe(Observer observer) =>
        ImmutableInterlocked.Update(ref _observers, static (list, o) => list.Remove(o), observer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An observer of scan job {JobId} failed")]
    private static partial void LogObserverFailed(ILogger logger, string jobId, Exception exception);

    /// <summary>The mutable state of one row, guarded by the job's lock.</summary>
    private sealed class RegionRow(string region)
    {
        public string Region { get; } = region;
        public RegionScanStatus Status { get; set; } = RegionScanStatus.Queued;
        public int Resources { get; set; }
        public int Violations { get; set; }
        public int Retries { get; set; }

        /// <summary>Resources of the global listing that count in this region (S3 buckets at home here).</summary>
        public (int Resources, int Violations) Homed { get; set; }

        public int RetryAttempt { get; set; }
        public string? Reason { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }

        public bool IsFinished => Status is RegionScanStatus.Succeeded or RegionScanStatus.Failed or RegionScanStatus.Cancelled;
    }

    /// <summary>One subscriber; skips snapshots it has already seen (it may get the current one on subscribing).</summary>
    private sealed class Observer(ScanJob job, Action<ScanJobSnapshot> onUpdate) : IDisposable
    {
        private long _seen;

        public void Offer(ScanJobSnapshot snapshot)
        {
            if (snapshot.Version <= _seen)
            {
                return;
            }

            _seen = snapshot.Version;
            try
            {
                onUpdate(snapshot);
            }
#pragma warning disable CA1031 // One broken page must not stop the scan or the other observers.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogObserverFailed(job._logger, job.Id, ex);
            }
        }

        public void Dispose() => job.Unsubscribe(this);
    }
}
