namespace FinOps.Domain.Scanning;

/// <summary>
/// The one entry point front doors (dashboard, MCP tools, exports) use for scan results: cached results, background
/// scans with live progress, regions, invalidation. Every figure they show comes from the results it returns.
/// </summary>
public sealed class ComplianceService(ScanPlanner planner, ScanJobs jobs, ScanResultCache cache, RegionDiscovery discovery)
{
    /// <summary>
    /// The result of a request: from the cache while fresh, otherwise from a scan (joining an identical running one).
    /// <see cref="ScanRequest.ForceRefresh"/> skips the cache and replaces its entry. Throws
    /// <see cref="InvalidRegionException"/> or <see cref="Resources.UnknownResourceTypeException"/> for invalid requests.
    /// </summary>
    public async Task<ComplianceResult> GetResultAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        var plan = await planner.PlanAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.ForceRefresh)
        {
            return await jobs.GetResultAsync(plan, cancellationToken).ConfigureAwait(false);
        }

        return await cache.GetOrCreateAsync(plan.CacheKey, (jobs, plan),
            static async (state, token) => await state.jobs.GetResultAsync(state.plan, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The result of a request only when the cache already holds it: the request's own entry, or else (for a request
    /// with a region filter) the cached unfiltered scan of the same types narrowed to those regions — the same figures
    /// the dashboard shows for that filter. Never scans; null when nothing cached answers the request. Validates the
    /// request like <see cref="GetResultAsync"/>.
    /// </summary>
    public async Task<ComplianceResult?> GetCachedResultAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await planner.PlanAsync(request, cancellationToken).ConfigureAwait(false);
        if (await cache.TryGetAsync(plan.CacheKey, cancellationToken).ConfigureAwait(false) is { } exact)
        {
            return exact;
        }

        if (plan.RegionFilter.IsEmpty)
        {
            return null;
        }

        var whole = await planner.PlanAsync(request with { Regions = [] }, cancellationToken).ConfigureAwait(false);
        return await cache.TryGetAsync(whole.CacheKey, cancellationToken).ConfigureAwait(false) is { } unfiltered
            ? unfiltered.ForRegions(plan.RegionFilter)
            : null;
    }

    /// <summary>Starts a fresh scan in the background (or returns the identical one already running).</summary>
    public async Task<ScanJob> StartScanAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        var plan = await planner.PlanAsync(request, cancellationToken).ConfigureAwait(false);
        return jobs.Start(plan);
    }

    /// <summary>A running or retained job.</summary>
    public ScanJob? GetJob(string jobId) => jobs.Get(jobId);

    /// <summary>Running and retained jobs, newest first.</summary>
    public IReadOnlyList<ScanJob> ListJobs() => jobs.List();

    /// <summary>
    /// Observes scan jobs: called with a job when it starts and when it finishes (a finished job's result is then
    /// available, and is the <see cref="LatestResult"/> when newer). Calls run on scan threads and must be quick, e.g.
    /// schedule a re-render. Dispose the handle to stop.
    /// </summary>
    public IDisposable SubscribeJobs(Action<ScanJob> onJobChanged) => jobs.Subscribe(onJobChanged);

    /// <summary>The most recent completed result of any request, or null before the first scan.</summary>
    public ComplianceResult? LatestResult => jobs.LatestResult;

    /// <summary>A result by its scan id, while it is retained.</summary>
    public ComplianceResult? FindResult(string scanId) => jobs.FindResult(scanId);

    /// <summary>Every region of the account with its status, the default region, and how discovery went.</summary>
    public Task<RegionTargets> ListRegionsAsync(CancellationToken cancellationToken) => discovery.GetTargetsAsync(cancellationToken);

    /// <summary>Forgets cached results and the cached region list.</summary>
    public async ValueTask InvalidateAsync(CancellationToken cancellationToken)
    {
        discovery.Invalidate();
        await cache.InvalidateAllAsync(cancellationToken).ConfigureAwait(false);
    }
}
