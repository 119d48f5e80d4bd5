using FinOps.Domain.State;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Scanning;

/// <summary>
/// The one entry point front doors (dashboard, MCP tools, exports) use for scan results. The rule for "the result the
/// product shows now" lives here: the account state (<see cref="AccountStateKeeper"/>) seen through the caller's scope.
/// A question the state cannot answer (units never listed, or older than <c>ResultCacheTtlSeconds</c>) scans its
/// scope first — joining an identical running scan — and is then answered from the state like every other.
/// </summary>
public sealed class ComplianceService(
    ScanPlanner planner,
    ScanJobs jobs,
    AccountStateKeeper state,
    RegionDiscovery discovery,
    IOptions<ScanOptions> options,
    TimeProvider time)
{
    private readonly TimeSpan _freshFor = TimeSpan.FromSeconds(options.Value.ResultCacheTtlSeconds);
    private DateTimeOffset _expiredBefore = DateTimeOffset.MinValue;

    /// <summary>
    /// What the product shows now for a scope (already parsed; regions not yet checked against the account): the
    /// account state through it. Null before anything is known. Never scans and never waits.
    /// </summary>
    public ComplianceResult? Current(ScanScope scope) => state.View(scope);

    /// <summary>What the product shows now for every region and every cost-generating type, or null before the first scan.</summary>
    public ComplianceResult? LatestResult => state.View(ScanScope.Everything);

    /// <summary>The account state itself (units, as-of, stale data).</summary>
    public AccountState State => state.State;

    /// <summary>
    /// The answer to a request: from the account state while every unit of its scope is fresh, otherwise after a scan
    /// of the scope (joining an identical running one). <see cref="ScanRequest.ForceRefresh"/> always scans first.
    /// Throws <see cref="InvalidRegionException"/> or <see cref="Resources.UnknownResourceTypeException"/> for invalid requests.
    /// </summary>
    public async Task<ComplianceResult> GetResultAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        var plan = await planner.PlanAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.ForceRefresh || !state.State.Answers(plan, FreshSince()))
        {
            // A scan that ends failed still applies its failures to the state; only a scan that never finished throws.
            await jobs.GetResultAsync(plan, cancellationToken).ConfigureAwait(false);
        }

        return await state.ViewAsync(request.Scope, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The account state is empty after a finished scan.");
    }

    /// <summary>
    /// The answer to a request when the account state already has data for every unit of its scope (of any age: the
    /// answer says as of when). Never scans; null when some unit was never listed. Validates the request like
    /// <see cref="GetResultAsync"/>.
    /// </summary>
    public async Task<ComplianceResult?> GetCachedResultAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await planner.PlanAsync(request, cancellationToken).ConfigureAwait(false);
        return state.State.Answers(plan, freshSince: null)
            ? await state.ViewAsync(request.Scope, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>Starts a fresh scan in the background (or returns the identical one already running).</summary>
    public async Task<ScanJob> StartScanAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        var plan = await planner.PlanAsync(request, cancellationToken).ConfigureAwait(false);
        return jobs.Start(plan);
    }

    /// <summary>Checks a request against the account (regions, types) without scanning; throws the same errors as a scan.</summary>
    public Task<ScanPlan> PlanAsync(ScanRequest request, CancellationToken cancellationToken) => planner.PlanAsync(request, cancellationToken);

    /// <summary>A running or retained job.</summary>
    public ScanJob? GetJob(string jobId) => jobs.Get(jobId);

    /// <summary>Running and retained jobs, newest first.</summary>
    public IReadOnlyList<ScanJob> ListJobs() => jobs.List();

    /// <summary>The newest scan still running, or null.</summary>
    public ScanJob? RunningJob => jobs.Running;

    /// <summary>
    /// Observes scan jobs: called with a job when it starts and when it finishes (a finished job's result is then
    /// already applied to the account state). Calls run on scan threads and must be quick, e.g. schedule a re-render.
    /// Dispose the handle to stop.
    /// </summary>
    public IDisposable SubscribeJobs(Action<ScanJob> onJobChanged) => jobs.Subscribe(onJobChanged);

    /// <summary>Observes the account state (a scan applied, a policy change re-judging it). Dispose the handle to stop.</summary>
    public IDisposable SubscribeState(Action<AccountState> onChanged) => state.Subscribe(onChanged);

    /// <summary>A scan's own result (what that scan alone found) by its id, while it is retained.</summary>
    public ComplianceResult? FindResult(string scanId) => jobs.FindResult(scanId);

    /// <summary>Every region of the account with its status, the default region, and how discovery went.</summary>
    public Task<RegionTargets> ListRegionsAsync(CancellationToken cancellationToken) => discovery.GetTargetsAsync(cancellationToken);

    /// <summary>
    /// Forgets the cached region list and treats every unit as out of date: the next question scans again. What is
    /// known stays on show (with its as-of) until then.
    /// </summary>
    public ValueTask InvalidateAsync(CancellationToken cancellationToken)
    {
        discovery.Invalidate();
        _expiredBefore = time.GetUtcNow();
        return ValueTask.CompletedTask;
    }

    /// <summary>Data observed before this is too old to answer without a scan.</summary>
    private DateTimeOffset FreshSince()
    {
        var now = time.GetUtcNow();
        var byAge = _freshFor > TimeSpan.Zero ? now - _freshFor : DateTimeOffset.MaxValue;
        return byAge > _expiredBefore ? byAge : _expiredBefore.AddTicks(1);
    }
}
