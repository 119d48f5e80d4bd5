using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Runs a <see cref="ScanPlan"/> over the ports: regions in parallel up to <c>MaxConcurrentRegions</c>,
/// types inside a region in parallel up to <c>MaxConcurrentTypesPerRegion</c>, each region within its own timeout
/// (retries included), transient failures retried with exponential backoff and full jitter, global types listed once.
/// A region whose type still fails is reported with the reason and its resources dropped; the others complete.
/// Every page is evaluated against the policy as it arrives; spend is fetched alongside; the outcome is aggregated
/// into one <see cref="ComplianceResult"/>. Cancellation stops every region and throws
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed partial class MultiRegionScanner(
    IRegionalResourceSource regionalSource,
    IGlobalResourceSource globalSource,
    ICostSource costSource,
    IAccountIdentity accountIdentity,
    RetryBackoff backoff,
    IOptions<ScanOptions> options,
    TimeProvider time,
    ILogger<MultiRegionScanner> logger,
    IEnumerable<IScanStartObserver>? startObservers = null)
{
    private readonly ScanOptions _options = options.Value;

    /// <summary>Scans and aggregates. Progress events go to <paramref name="progress"/> (called from worker threads).</summary>
    public async Task<ComplianceResult> ScanAsync(ScanPlan plan, string scanId, IProgress<ScanProgressEvent>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var observer in startObservers ?? [])
        {
            await observer.ScanStartingAsync(scanId, cancellationToken).ConfigureAwait(false);
        }

        var startedAt = time.GetUtcNow();

        var total = (plan.Regions.Length * Math.Max(1, plan.RegionalTypes.Length)) + plan.GlobalTypes.Length;
        var tracker = new ScanProgressTracker(progress, time, total, logger);
        var regionRuns = plan.Regions.Select(r => new ScanUnitRun(r, plan.RegionalTypes, tracker)).ToList();
        var globalRun = plan.GlobalTypes.IsEmpty ? null : new ScanUnitRun(ResourceCatalogue.GlobalRegion, plan.GlobalTypes, tracker);
        foreach (var run in regionRuns)
        {
            run.Queued();
        }

        globalRun?.Queued();

        var costs = FetchCostsAsync(plan.Policy, startedAt, cancellationToken);
        var account = DescribeAccountAsync(cancellationToken);

        using var regionSlots = new SemaphoreSlim(_options.MaxConcurrentRegions);
        var regionTasks = regionRuns
            .Select(run => RunUnitAsync(run, (type, ct) => regionalSource.ListAsync(run.Name, type, ct), keep: null,
                regionSlots, plan.Evaluator, cancellationToken))
            .ToList();
        var globalTask = globalRun is null
            ? Task.FromResult<RegionScanOutcome?>(null)
            : RunGlobalAsync(globalRun, plan, cancellationToken);

        var regionOutcomes = await Task.WhenAll(regionTasks).ConfigureAwait(false);
        var globalOutcome = await globalTask.ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
        {
            LogCancelled(logger, scanId);
            cancellationToken.ThrowIfCancellationRequested();
        }

        var completedAt = time.GetUtcNow();
        var (snapshot, costFailure) = await costs.WaitAsync(cancellationToken).ConfigureAwait(false);
        var evaluations = new List<ResourceEvaluation>(regionRuns.Sum(r => r.ResourceCount) + (globalRun?.ResourceCount ?? 0));
        foreach (var run in regionRuns)
        {
            evaluations.AddRange(run.Evaluations);
        }

        if (globalRun is not null)
        {
            // A failed region keeps nothing, not even the buckets homed there: its row would otherwise look partly scanned.
            var dropped = regionOutcomes.Where(o => o.Status != RegionScanStatus.Succeeded).Select(o => o.Region).ToHashSet(StringComparer.Ordinal);
            evaluations.AddRange(globalRun.Evaluations.Where(e => !dropped.Contains(e.Resource.Region)));
        }

        var coverage = plan.Types
            .Select(t => new TypeCoverage(t.Name, t.IsGlobal ? globalSource.CoverageOf(t) : regionalSource.CoverageOf(t)))
            .ToImmutableArray();
        var outcome = new ScanOutcome(scanId, plan.Request, plan.CacheKey, startedAt, completedAt,
            await account.WaitAsync(cancellationToken).ConfigureAwait(false), plan.Policy, plan.Types, evaluations,
            [.. regionOutcomes.Select(o => Observed(o, completedAt))], Observed(globalOutcome, completedAt), plan.SkippedRegions,
            plan.Discovery, coverage, snapshot)
        {
            CostFailure = costFailure,
            ScannableRegions = plan.Targets.Scannable,
        };

        var result = ComplianceAggregator.Aggregate(outcome);
        var failed = regionOutcomes.Count(o => o.Status != RegionScanStatus.Succeeded);
        LogCompleted(logger, scanId, regionOutcomes.Length, failed, result.Summary.TotalResources, (completedAt - startedAt).TotalMilliseconds);

        return result;
    }

    /// <summary>A listed region's data is as of the scan's completion; a failed one has none.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(outcome))]
    private static RegionScanOutcome? Observed(RegionScanOutcome? outcome, DateTimeOffset completedAt) =>
        outcome is { Status: RegionScanStatus.Succeeded } ? outcome with { DataAsOf = completedAt } : outcome;

    /// <summary>Whether retrying may help: throttling, 5xx, timeouts and network errors, never permissions or opt-in.</summary>
    internal static bool IsTransient(Exception error, CancellationToken token) => error switch
    {
        ResourceSourceException source => source.IsTransient,
        TimeoutException => true,
        HttpRequestException => true,

        // A request timing out on its own (HttpClient's timeout) surfaces as a cancellation nobody asked for.
        OperationCanceledException => !token.IsCancellationRequested,
        _ => false,
    };

    private async Task<RegionScanOutcome?> RunGlobalAsync(ScanUnitRun run, ScanPlan plan, CancellationToken cancellationToken) =>
        await RunUnitAsync(run, globalSource.ListGlobalAsync, plan.Keeps, slots: null, plan.Evaluator, cancellationToken)
            .ConfigureAwait(false);

    private async Task<RegionScanOutcome> RunUnitAsync(
        ScanUnitRun run,
        Func<ResourceTypeInfo, CancellationToken, IAsyncEnumerable<IReadOnlyList<CloudResource>>> list,
        Func<CloudResource, bool>? keep,
        SemaphoreSlim? slots,
        PolicyEvaluator evaluator,
        CancellationToken cancellationToken)
    {
        if (slots is not null)
        {
            try
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return run.Cancelled(TimeSpan.Zero);
            }
        }

        try
        {
            var started = time.GetTimestamp();
            var limit = TimeSpan.FromSeconds(_options.RegionScanTimeoutSeconds);
            using var timeout = new CancellationTokenSource(limit, time);
            using var region = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            run.Started();

            using var typeSlots = new SemaphoreSlim(_options.MaxConcurrentTypesPerRegion);
            var types = new Task[run.Types.Length];
            for (var i = 0; i < types.Length; i++)
            {
                types[i] = ListTypeInSlotAsync(run, i, list, keep, typeSlots, evaluator, region);
            }

            try
            {
                await Task.WhenAll(types).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Why the region stopped is read from the tokens and the run below.
            }

            var elapsed = time.GetElapsedTime(started);
            if (cancellationToken.IsCancellationRequested)
            {
                return run.Cancelled(elapsed);
            }

            if (run.Failure is { } reason)
            {
                LogRegionFailed(logger, run.Name, reason);
                return run.Failed(reason, elapsed);
            }

            if (run.AllTypesListed)
            {
                return run.Succeeded(elapsed);
            }

            var timedOut = $"timed out after {_options.RegionScanTimeoutSeconds} s (retries included)";
            LogRegionFailed(logger, run.Name, timedOut);
            return run.Failed(timedOut, elapsed);
        }
        finally
        {
            slots?.Release();
        }
    }

    private async Task ListTypeInSlotAsync(
        ScanUnitRun run,
        int typeIndex,
        Func<ResourceTypeInfo, CancellationToken, IAsyncEnumerable<IReadOnlyList<CloudResource>>> list,
        Func<CloudResource, bool>? keep,
        SemaphoreSlim typeSlots,
        PolicyEvaluator evaluator,
        CancellationTokenSource region)
    {
        await typeSlots.WaitAsync(region.Token).ConfigureAwait(false);
        try
        {
            var failure = await ListTypeAsync(run, typeIndex, list, keep, evaluator, region.Token).ConfigureAwait(false);
            if (failure is not null && run.TryFail($"{run.Types[typeIndex].Name}: {failure}"))
            {
                // The region has failed: its other types would be dropped anyway, so stop them now.
                await region.CancelAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            typeSlots.Release();
        }
    }

    /// <summary>Lists one type to the end, retrying transient failures; returns why it failed, or null.</summary>
    private async Task<string?> ListTypeAsync(
        ScanUnitRun run,
        int typeIndex,
        Func<ResourceTypeInfo, CancellationToken, IAsyncEnumerable<IReadOnlyList<CloudResource>>> list,
        Func<CloudResource, bool>? keep,
        PolicyEvaluator evaluator,
        CancellationToken token)
    {
        var type = run.Types[typeIndex];
        var found = new List<TagViolation>(); // reused: compliant resources then allocate nothing
        for (var retry = 0; ; retry++)
        {
            // A retry lists the type again from the start, so an attempt's pages are kept apart until it succeeds.
            var listed = new List<ResourceEvaluation>();
            var violations = 0;
            Exception error;
            try
            {
                await foreach (var page in list(type, token).WithCancellation(token).ConfigureAwait(false))
                {
                    var before = listed.Count;
                    var pageViolations = 0;
                    for (var i = 0; i < page.Count; i++)
                    {
                        var resource = page[i];
                        if (keep is not null && !keep(resource))
                        {
                            continue;
                        }

                        found.Clear();
                        var verdict = evaluator.Evaluate(resource.Type, resource.Tags.AsSpan(), found);
                        listed.Add(new ResourceEvaluation(resource, verdict, found.Count == 0 ? [] : [.. found]));
                        pageViolations += found.Count;
                    }

                    violations += pageViolations;
                    run.PageListed(type, listed, before, pageViolations);
                }

                run.TypeListed(typeIndex, listed);
                return null;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Every failure of a source is classified: retried, or reported as the region's reason.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = ex;
            }

            var transient = IsTransient(error, token);
            if (!transient || retry >= _options.MaxRetries)
            {
                // Users see a short reason; the log keeps the whole exception (with what the SDK or source said).
                LogListingFailed(logger, run.Name, type.Name, error);

                return transient && retry > 0
                    ? $"{Describe(error)} (still failing after {retry} {(retry == 1 ? "retry" : "retries")})"
                    : Describe(error);
            }

            var delay = backoff.DelayBefore(retry + 1);

            // The timer exists before anyone hears of the retry, so a test clock advanced on the event fires it.
            var wait = Task.Delay(delay, time, token);
            var reason = Describe(error);
            LogRetrying(logger, run.Name, type.Name, retry + 1, delay.TotalMilliseconds, reason);
            run.Retrying(type, retry + 1, reason, delay, listed, violations);
            await wait.ConfigureAwait(false);
        }
    }

    private static string Describe(Exception error) => error switch
    {
        ResourceSourceException { MissingPermission: { } permission } source
            when !source.Message.Contains(permission, StringComparison.Ordinal) => $"{source.Message} (missing permission {permission})",
        ResourceSourceException source => source.Message,
        HttpRequestException http => $"network error: {http.Message}",
        TimeoutException timeout => $"timed out: {timeout.Message}",
        OperationCanceledException => "the request timed out",
        _ => FailureText.Of(error),
    };

    private async Task<(CostSnapshot Snapshot, string? Failure)> FetchCostsAsync(TaggingPolicy policy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var period = BillingPeriod.LastCompleteMonth(DateOnly.FromDateTime(now.UtcDateTime));
        var query = CostQuery.ForPolicy(period, CostMetric.Unblended, policy);

        // Spend gets the same time as a region: a hanging cost source must not hold the whole result back.
        var limit = TimeSpan.FromSeconds(_options.RegionScanTimeoutSeconds);
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return (await costSource.GetCostsAsync(query, linked.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogCostsTimedOut(logger, period.ToString());
            return (CostSnapshot.Empty(period, query.Metric, time.GetUtcNow(), "unavailable"), $"timed out after {_options.RegionScanTimeoutSeconds} s");
        }
#pragma warning disable CA1031 // Spend is secondary: without it the compliance figures still stand, and the result says so.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogCostsFailed(logger, period.ToString(), ex);
            return (CostSnapshot.Empty(period, query.Metric, time.GetUtcNow(), "unavailable"), FailureText.Of(ex));
        }
    }

    private async Task<AccountDescription> DescribeAccountAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await accountIdentity.DescribeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The account's name is a label; not knowing it must not fail the scan.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogIdentityFailed(logger, ex.Message);
            return new AccountDescription("unknown", "Unknown account", null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying {ResourceType} in {Region} (retry {Retry}) after {DelayMs} ms: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string region, string resourceType, int retry, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing {ResourceType} in {Region} failed")]
    private static partial void LogListingFailed(ILogger logger, string region, string resourceType, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region} failed: {Reason}")]
    private static partial void LogRegionFailed(ILogger logger, string region, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Costs for {Period} could not be fetched")]
    private static partial void LogCostsFailed(ILogger logger, string period, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Costs for {Period} could not be fetched: timed out")]
    private static partial void LogCostsTimedOut(ILogger logger, string period);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The account identity could not be read: {Reason}")]
    private static partial void LogIdentityFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {ScanId} cancelled")]
    private static partial void LogCancelled(ILogger logger, string scanId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {ScanId} finished: {Regions} regions ({Failed} failed), {Resources} resources in {ElapsedMs} ms")]
    private static partial void LogCompleted(ILogger logger, string scanId, int regions, int failed, int resources, double elapsedMs);
}
