using System.Collections.Concurrent;
using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Domain.Waivers;
using Microsoft.Extensions.Logging;

namespace FinOps.Domain.State;

/// <summary>
/// The one owner of "what the product shows now": holds the current <see cref="AccountState"/>, applies every finished
/// scan to it, and serves views of it per scope, judged by the policy in force (a policy change re-judges the same
/// observations at once, without a scan). Views are built once per (state, policy, waivers in force, scope) and shared
/// by every door: a waiver decision changes every view at once, and a waiver that expires stops counting at its expiry
/// (the waiver book describes an instant span, see <see cref="WaiverBook.ValidUntil"/>) without a restart or a scan.
/// </summary>
public sealed partial class AccountStateKeeper : IDisposable
{
    /// <summary>Most scopes whose views are kept per state (a few filters are in use at a time).</summary>
    private const int MaxViews = 32;

    private readonly Lock _sync = new();
    private readonly PolicyService _policies;
    private readonly TimeProvider _time;
    private readonly ILogger<AccountStateKeeper> _logger;
    private readonly IWaiverBookSource? _waivers;
    private AccountState _state = AccountState.Empty;
    private Views _views;
    private ImmutableArray<Action<AccountState>> _observers = [];
    private ImmutableArray<Action<ComplianceResult, AccountState>> _scanObservers = [];

    public AccountStateKeeper(PolicyService policies, TimeProvider time, ILogger<AccountStateKeeper> logger, IWaiverBookSource? waivers = null)
    {
        _policies = policies;
        _time = time;
        _logger = logger;
        _waivers = waivers;
        _views = new Views(_state, null, WaiverBook.Empty);
        _policies.PolicyChanged += OnPolicyChanged;
        if (_waivers is not null)
        {
            _waivers.Changed += OnWaiversChanged;
        }
    }

    /// <summary>The waivers in force now (empty when waivers are not set up).</summary>
    public WaiverBook Waivers => _waivers?.BookAt(_time.GetUtcNow()) ?? WaiverBook.Empty;

    /// <summary>The state right now.</summary>
    public AccountState State => Volatile.Read(ref _state);

    /// <summary>
    /// The state through a scope, judged by the policy in force; null before anything is known (no scan applied, or the
    /// policy not loaded yet). Never waits and never scans.
    /// </summary>
    public ComplianceResult? View(ScanScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var views = Volatile.Read(ref _views);
        if (views.State.IsEmpty || _policies.LoadedEvaluator is not { } evaluator)
        {
            return null;
        }

        var book = Waivers;
        if (!ReferenceEquals(views.Evaluator, evaluator) || !ReferenceEquals(views.Book, book))
        {
            views = Renew(views.State, evaluator, book);
        }

        return views.Get(scope, _time);
    }

    /// <summary>Like <see cref="View"/>, loading the policy (and the waivers) first when nobody has yet.</summary>
    public async Task<ComplianceResult?> ViewAsync(ScanScope scope, CancellationToken cancellationToken)
    {
        await _policies.GetEvaluatorAsync(cancellationToken).ConfigureAwait(false);
        if (_waivers is not null)
        {
            try
            {
                await _waivers.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Waivers that cannot be read must not stop the figures: they are shown without waivers, and the waiver page says why.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogWaiversUnavailable(_logger, ex);
            }
        }

        return View(scope);
    }

    /// <summary>
    /// Re-reads the waivers in force and tells observers: call when a waiver may have expired (the views themselves never
    /// need it — each read checks the clock — but pages that show a view re-render only when told).
    /// </summary>
    public void RefreshWaivers() => OnWaiversChanged();

    /// <summary>Applies a finished scan: the units it covered are refreshed (or marked stale where it failed).</summary>
    public AccountState Apply(ComplianceResult scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        AccountState next;
        lock (_sync)
        {
            next = _state.Apply(scan.Outcome);
            Volatile.Write(ref _state, next);
            Volatile.Write(ref _views, new Views(next, _policies.LoadedEvaluator, Waivers));
        }

        LogApplied(_logger, scan.ScanId, next.Version, next.Units.Count);
        foreach (var observer in _scanObservers)
        {
            try
            {
                observer(scan, next);
            }
#pragma warning disable CA1031 // One broken observer must not stop the others or the scan that changed the state.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogObserverFailed(_logger, ex);
            }
        }

        Notify(next);
        return next;
    }

    /// <summary>Replaces the state with one restored from storage, unless scans applied since are newer.</summary>
    public bool Restore(AccountState restored)
    {
        ArgumentNullException.ThrowIfNull(restored);
        lock (_sync)
        {
            if (!_state.IsEmpty)
            {
                return false;
            }

            Volatile.Write(ref _state, restored);
            Volatile.Write(ref _views, new Views(restored, _policies.LoadedEvaluator, Waivers));
        }

        Notify(restored);
        return true;
    }

    /// <summary>
    /// Observes the state: called with each new state (a scan applied, a state restored, a policy change re-judging it).
    /// Calls run on the thread that changed it and must be quick. Dispose the handle to stop.
    /// </summary>
    public IDisposable Subscribe(Action<AccountState> onChanged)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        ImmutableInterlocked.Update(ref _observers, static (list, o) => list.Add(o), onChanged);
        return new Subscription(this, onChanged);
    }

    /// <summary>
    /// Observes applied scans: called, in the order they were applied, with each scan's own result and the state it made
    /// (the history store keeps both). Calls run on the scan's thread and must be quick. Dispose the handle to stop.
    /// </summary>
    public IDisposable SubscribeScans(Action<ComplianceResult, AccountState> onApplied)
    {
        ArgumentNullException.ThrowIfNull(onApplied);
        ImmutableInterlocked.Update(ref _scanObservers, static (list, o) => list.Add(o), onApplied);
        return new ScanSubscription(this, onApplied);
    }

    /// <summary>
    /// A view of any state (the current one, an earlier one the history store keeps, one restored as of a scan) through a
    /// scope, judged by <paramref name="evaluator"/>: the same rule as <see cref="View"/>, not cached unless it is the
    /// current state under the policy in force. Waivers apply to the current state's views only: an earlier state is
    /// shown as it was judged then.
    /// </summary>
    public ComplianceResult ViewOf(AccountState state, ScanScope scope, PolicyEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(evaluator);
        var views = Volatile.Read(ref _views);
        return ReferenceEquals(views.State, state) && ReferenceEquals(views.Evaluator, evaluator)
            ? views.Get(scope, _time)
            : new Views(state, evaluator, ReferenceEquals(state, State) ? Waivers : WaiverBook.Empty).Get(scope, _time);
    }

    public void Dispose()
    {
        _policies.PolicyChanged -= OnPolicyChanged;
        if (_waivers is not null)
        {
            _waivers.Changed -= OnWaiversChanged;
        }
    }

    private Views Renew(AccountState state, PolicyEvaluator evaluator, WaiverBook book)
    {
        lock (_sync)
        {
            var current = _views;
            if (ReferenceEquals(current.State, state) && ReferenceEquals(current.Evaluator, evaluator) && ReferenceEquals(current.Book, book))
            {
                return current;
            }

            var renewed = new Views(_state, evaluator, book);
            Volatile.Write(ref _views, renewed);
            return renewed;
        }
    }

    private void OnPolicyChanged(TaggingPolicy policy)
    {
        if (_policies.LoadedEvaluator is { } evaluator)
        {
            Renew(State, evaluator, Waivers);
        }

        Notify(State);
    }

    private void OnWaiversChanged()
    {
        if (_policies.LoadedEvaluator is { } evaluator)
        {
            Renew(State, evaluator, Waivers);
        }

        Notify(State);
    }

    private void Notify(AccountState state)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer(state);
            }
#pragma warning disable CA1031 // One broken observer must not stop the others or the scan that changed the state.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogObserverFailed(_logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {ScanId} applied to the account state (version {Version}, {Units} units)")]
    private static partial void LogApplied(ILogger logger, string scanId, long version, int units);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waivers could not be read; figures are shown without waivers until they can")]
    private static partial void LogWaiversUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An observer of the account state failed")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception);

    /// <summary>The views of one state under one policy and one waiver book, built on first use, a bounded number of scopes.</summary>
    private sealed class Views(AccountState state, PolicyEvaluator? evaluator, WaiverBook book)
    {
        private readonly ConcurrentDictionary<ScanScope, Lazy<ComplianceResult>> _byScope = new();

        public AccountState State { get; } = state;

        public PolicyEvaluator? Evaluator { get; } = evaluator;

        public WaiverBook Book { get; } = book;

        public ComplianceResult Get(ScanScope scope, TimeProvider time)
        {
            if (_byScope.TryGetValue(scope, out var kept))
            {
                return kept.Value;
            }

            if (_byScope.Count >= MaxViews)
            {
                return Build(scope, time);
            }

            return _byScope.GetOrAdd(scope, s => new Lazy<ComplianceResult>(() => Build(s, time))).Value;
        }

        private ComplianceResult Build(ScanScope scope, TimeProvider time)
        {
            var now = time.GetUtcNow();
            var outcome = State.OutcomeFor(scope, Evaluator!, now);
            if (scope.CoversEveryCostType)
            {
                return ComplianceAggregator.AggregateView(outcome, Book);
            }

            // Fewer types: each resource keeps the cost the whole view (every cost-generating type) gives it.
            var whole = Get(scope.WithTypes([ScanScope.AllKeyword, .. scope.ResourceTypes]), time);
            return ComplianceAggregator.NarrowTypes(whole, outcome);
        }
    }

    private sealed class Subscription(AccountStateKeeper keeper, Action<AccountState> observer) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref keeper._observers, static (list, o) => list.Remove(o), observer);
    }

    private sealed class ScanSubscription(AccountStateKeeper keeper, Action<ComplianceResult, AccountState> observer) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref keeper._scanObservers, static (list, o) => list.Remove(o), observer);
    }
}
