using System.Threading.Channels;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Domain.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinOps.Domain.History;

/// <summary>
/// Keeps the account's history: at start-up it restores the account state from the store (so the dashboard has figures
/// at once), then saves every scan applied to the state, in the order applied. While the store cannot be reached the
/// finished scans wait in memory and are saved when it returns (retried with back-off); a finished scan is never lost
/// while the process runs, and <see cref="Status"/> says what is waiting and why.
/// </summary>
public sealed partial class HistoryRecorder : BackgroundService
{
    /// <summary>Longest wait between two attempts to reach an unreachable store.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly IScanHistory _history;
    private readonly AccountStateKeeper _keeper;
    private readonly PolicyService _policies;
    private readonly TimeProvider _time;
    private readonly ILogger<HistoryRecorder> _logger;
    private readonly Channel<(ComplianceResult Scan, AccountState State)> _queue =
        Channel.CreateUnbounded<(ComplianceResult, AccountState)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _restored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable _subscription;
    private readonly Lock _sync = new();
    private HistoryStatus _status;
    private int _pending;

    public HistoryRecorder(IScanHistory history, AccountStateKeeper keeper, PolicyService policies, TimeProvider time,
        ILogger<HistoryRecorder> logger)
    {
        _history = history;
        _keeper = keeper;
        _policies = policies;
        _time = time;
        _logger = logger;
        _status = new HistoryStatus(history.Provider, true, 0, null, false, null, null);

        // Subscribed at construction, before any hosted service starts a scan: no applied scan is missed.
        _subscription = keeper.SubscribeScans((scan, state) =>
        {
            Interlocked.Increment(ref _pending);
            _queue.Writer.TryWrite((scan, state));
            Update(s => s with { PendingScans = Volatile.Read(ref _pending) });
        });
    }

    /// <summary>Raised when <see cref="Status"/> changes (on the recorder's thread; handlers must be quick).</summary>
    public event Action<HistoryStatus>? StatusChanged;

    /// <summary>How history keeping goes right now.</summary>
    public HistoryStatus Status
    {
        get
        {
            lock (_sync)
            {
                return _status;
            }
        }
    }

    /// <summary>Completes once the start-up restore is over (whether it found a state, found none, or failed).</summary>
    public Task Restored => _restored.Task;

    public override void Dispose()
    {
        _subscription.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RestoreAsync(stoppingToken).ConfigureAwait(false);
        await foreach (var (scan, state) in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await SaveAsync(scan, state, stoppingToken).ConfigureAwait(false);
            Interlocked.Decrement(ref _pending);
            Update(s => s with { PendingScans = Volatile.Read(ref _pending) });
        }
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            var started = _time.GetTimestamp();
            // The policy loads while the state is read: views need it, so with both in hand the restored state is
            // judged (and the overview warmed by those who watch the state) the moment it is in use.
            var policy = Task.Run(() => LoadPolicyAsync(cancellationToken), cancellationToken);
            AccountState? state;
            try
            {
                state = await _history.LoadStateAsync(null, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await policy.ConfigureAwait(false);
            }

            var restored = state is not null && _keeper.Restore(state);

            Update(s => s with { Reachable = true, Problem = null, Restored = restored, LastSavedScanId = state?.LatestScanId });
            if (state is null)
            {
                LogNothingToRestore(_logger, _history.Provider);
            }
            else
            {
                var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
                LogRestored(_logger, state.LatestScanId ?? "none", state.Units.Count, elapsed, restored);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (HistoryUnavailableException ex)
        {
            Unreachable(ex);
        }
        finally
        {
            _restored.TrySetResult();
        }
    }

    /// <summary>
    /// Loads the policy in force so a restored state can be judged and shown at once (views need a policy); a policy
    /// that does not load is reported where it is used, and the state waits for it.
    /// </summary>
    private async Task LoadPolicyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _policies.GetEvaluatorAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure to load the policy is the policy service's to report; restoring goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPolicyNotLoaded(_logger, ex.Message);
        }
    }

    /// <summary>Saves one scan, retrying while the store is unreachable; only shutdown stops it (the scan is then logged as unsaved).</summary>
    private async Task SaveAsync(ComplianceResult scan, AccountState state, CancellationToken cancellationToken)
    {
        var archive = Archive(scan, state);
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await _history.SaveAsync(archive, cancellationToken).ConfigureAwait(false);
                Update(s => s with { Reachable = true, Problem = null, LastSavedScanId = scan.ScanId, LastSavedAt = _time.GetUtcNow() });
                LogSaved(_logger, scan.ScanId, archive.Resources.Count);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                LogNotSaved(_logger, scan.ScanId);
                throw;
            }
            catch (HistoryUnavailableException ex)
            {
                Unreachable(ex);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>What history keeps of a scan: its own result, and the whole-account figures of the state it made.</summary>
    private ScanArchive Archive(ComplianceResult scan, AccountState state)
    {
        var current = _policies.LoadedEvaluator;
        var evaluator = current is not null && current.Policy.ContentHash == scan.PolicyHash ? current : scan.Evaluator;
        return ScanArchiveBuilder.Build(scan, _keeper.ViewOf(state, ScanScope.Everything, evaluator));
    }

    private void Unreachable(HistoryUnavailableException ex)
    {
        var first = Status.Reachable;
        Update(s => s with { Reachable = false, Problem = ex.Message });
        if (first)
        {
            LogUnreachable(_logger, _history.Provider, ex.Message);
        }
    }

    private void Update(Func<HistoryStatus, HistoryStatus> change)
    {
        HistoryStatus next;
        lock (_sync)
        {
            next = change(_status);
            if (next == _status)
            {
                return;
            }

            _status = next;
        }

        StatusChanged?.Invoke(next);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History store {Provider} holds no scan yet")]
    private static partial void LogNothingToRestore(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account state restored from history (newest scan {ScanId}, {Units} units) in {ElapsedMs} ms; in use: {InUse}")]
    private static partial void LogRestored(ILogger logger, string scanId, int units, double elapsedMs, bool inUse);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The restored account state waits for the policy, which did not load: {Reason}")]
    private static partial void LogPolicyNotLoaded(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {ScanId} saved to history ({Resources} resources)")]
    private static partial void LogSaved(ILogger logger, string scanId, int resources);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History store {Provider} unreachable: {Reason}; finished scans wait in memory")]
    private static partial void LogUnreachable(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan {ScanId} was not saved to history before shutdown")]
    private static partial void LogNotSaved(ILogger logger, string scanId);
}
