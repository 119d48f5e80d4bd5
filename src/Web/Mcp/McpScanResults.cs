using System.Globalization;
using FinOps.Domain.Costs;
using FinOps.Domain.History;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>
/// How the tools obtain results: what the product shows now (the account state through the asked scope) whenever it
/// answers the question, otherwise after a background scan of the scope whose progress is forwarded to the caller, when
/// the caller may cause one (<see cref="IScanAccess"/>). Nothing here computes a figure; it only picks the result every
/// figure comes from — the same one the dashboard and the exports read.
/// </summary>
public sealed class McpScanResults(ComplianceService compliance, IScanAccess scanAccess, HistoryService history)
{
    /// <summary>
    /// A result, and whether it came from the cache. A question no cached scan answers is a tool error for a caller who
    /// may not scan, unless the scan covers every cost-generating type (<c>force_refresh</c> was already checked before the
    /// tool ran). A scan's progress goes to the caller as notifications when it asked for them (a progress token).
    /// </summary>
    public async Task<(ComplianceResult Result, bool FromCache)> GetAsync(ScanRequest request, RequestContext<CallToolRequestParams> asker,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(asker);
        return await McpErrors.GuardAsync(async () =>
        {
            if (!request.ForceRefresh)
            {
                if (await compliance.GetCachedResultAsync(request, cancellationToken).ConfigureAwait(false) is { } cached)
                {
                    return (cached, true);
                }

                Authorize(request, asker);
            }

            // A background job: if the caller gives up (a 60-second tool timeout), the scan still finishes and is applied
            // to the account state, so asking again is answered at once.
            var job = await compliance.StartScanAsync(request, cancellationToken).ConfigureAwait(false);
            await WaitAsync(job, asker, cancellationToken).ConfigureAwait(false);
            return (await compliance.GetResultAsync(request with { ForceRefresh = false }, cancellationToken).ConfigureAwait(false), false);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The result a paged list is read from, and where the page starts: with a <paramref name="cursor"/> (checked to be
    /// one this server issued for the same tool and list-shaping arguments, <paramref name="fingerprint"/>) the view it
    /// was issued for, from its offset; without one, the answer to the request (see <see cref="GetAsync"/>) from the top.
    /// <paramref name="arguments"/> names those arguments for the error that says what to repeat.
    /// </summary>
    public async Task<(ComplianceResult Result, bool FromCache, int Offset)> PageAsync(ScanRequest request, string? cursor,
        string fingerprint, string arguments, RequestContext<CallToolRequestParams> asker,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(asker);
        var tool = asker.Params?.Name ?? "this tool";
        if (cursor is null)
        {
            var (result, fromCache) = await GetAsync(request, asker, cancellationToken).ConfigureAwait(false);
            return (result, fromCache, 0);
        }

        var page = McpCursor.Decode(cursor, fingerprint, arguments, tool);
        var paged = await McpErrors.GuardAsync(async () =>
        {
            var current = await compliance.GetCachedResultAsync(request with { ForceRefresh = false }, cancellationToken).ConfigureAwait(false);
            return current?.ScanId == page.ScanId ? current : null;
        }).ConfigureAwait(false);
        return paged is null
            ? throw McpErrors.Invalid($"cursor refers to scan {page.ScanId}, which the account state has moved on from (a newer scan was applied); call again without cursor for the current figures.")
            : (paged, true, page.Offset);
    }

    /// <summary>
    /// With <paramref name="scanId"/>: the account as the product showed it right after that scan, through the request's
    /// scope (see <see cref="AsOfAsync"/>); without: the answer to the request (see <see cref="GetAsync"/>).
    /// </summary>
    public async Task<(ComplianceResult Result, bool FromCache)> GetAsync(string? scanId, ScanRequest request,
        RequestContext<CallToolRequestParams> asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return scanId is null
            ? await GetAsync(request, asker, cancellationToken).ConfigureAwait(false)
            : (await AsOfAsync(scanId, request, cancellationToken).ConfigureAwait(false), true);
    }

    /// <summary>
    /// <see cref="PageAsync"/> for a call that may name a scan: with <paramref name="scanId"/>, the view right after that
    /// scan (a cursor must have been issued for the same scan), otherwise as <see cref="PageAsync"/>.
    /// </summary>
    public async Task<(ComplianceResult Result, bool FromCache, int Offset)> PageAsync(string? scanId, ScanRequest request, string? cursor,
        string fingerprint, string arguments, RequestContext<CallToolRequestParams> asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(asker);
        if (scanId is null)
        {
            return await PageAsync(request, cursor, fingerprint, arguments, asker, cancellationToken).ConfigureAwait(false);
        }

        var offset = cursor is null ? 0 : McpCursor.Decode(cursor, fingerprint, arguments, asker.Params?.Name ?? "this tool").Offset;
        var result = await AsOfAsync(scanId, request, cancellationToken).ConfigureAwait(false);
        return (result, true, offset);
    }

    /// <summary>
    /// The account as the product showed it right after scan <paramref name="scanId"/>, through the request's scope and
    /// judged by that scan's policy: from history, or the scan's own retained result while history has not written it yet
    /// (only when it covers exactly that scope). An unknown id, or <c>force_refresh</c> with it, is a tool error.
    /// </summary>
    public async Task<ComplianceResult> AsOfAsync(string scanId, ScanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = ScanIdArgument(scanId);
        if (request.ForceRefresh)
        {
            throw McpErrors.Invalid("scan_id answers about a scan already made and force_refresh asks for a new one: give one or the other.");
        }

        string? unreachable = null;
        try
        {
            if (await history.ViewAsOfAsync(id, request.Scope, cancellationToken).ConfigureAwait(false) is { } view)
            {
                return view;
            }
        }
        catch (HistoryUnavailableException ex)
        {
            unreachable = history.ForCallers(ex.Message);
        }

        var own = compliance.FindResult(id);
        if (own is not null && own.Request.Scope.Equals(request.Scope))
        {
            return own;
        }

        var why = unreachable is not null ? $" The history store cannot be read right now ({unreachable})." : "";
        if (own is not null)
        {
            var regions = own.Request.Scope.RegionsText ?? "every enabled region";
            throw McpErrors.Invalid($"Scan {id} is not in history yet, and its own result covers resource types {own.Request.Scope.TypesText} in {regions} only; ask with that scope or again in a moment.{why}");
        }

        throw McpErrors.Invalid($"No scan with id '{McpArguments.Shorten(id)}' is kept (or its per-resource detail was compacted away); list_scans gives the kept scans' ids.{why}");
    }

    /// <summary>A scan_id argument, trimmed and checked for shape.</summary>
    public static string ScanIdArgument(string? scanId)
    {
        var id = scanId?.Trim() ?? "";
        return id.Length is 0 or > 64
            ? throw McpErrors.Invalid("scan_id must be the id of a kept scan (at most 64 characters); list_scans gives them.")
            : id;
    }

    /// <summary>
    /// Makes sure the account state knows something before looking resources up: before the first scan, the default
    /// scan (every cost-generating type, every enabled region) runs once. Later calls never scan.
    /// </summary>
    public async Task EnsureAnyResultAsync(RequestContext<CallToolRequestParams> asker, CancellationToken cancellationToken)
    {
        if (compliance.LatestResult is null)
        {
            _ = await GetAsync(ScanRequest.Default, asker, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A resource the account state knows (of any type), with the view it is in; null when none has it.</summary>
    public (ComplianceResult Result, EvaluatedResource Resource)? FindResource(string arn)
    {
        foreach (var scope in (ReadOnlySpan<ScanScope>)[ScanScope.Everything, ScanScope.EveryType])
        {
            if (compliance.Current(scope) is { } view && view.Find(arn) is { } resource)
            {
                return (view, resource);
            }
        }

        return null;
    }

    /// <summary>When the account state's newest data was collected (the time "not found" answers are as of).</summary>
    public DateTimeOffset LatestAsOf => compliance.LatestResult?.AsOf ?? DateTimeOffset.MinValue;

    /// <summary>A scan's own result by its id, while it is retained.</summary>
    public ComplianceResult? FindScanResult(string scanId) => compliance.FindResult(scanId);

    /// <summary>A job by scan id, while it runs or is retained.</summary>
    public ScanJob? FindJob(string scanId) => compliance.GetJob(scanId);

    /// <summary>Starts a background scan (or joins the identical running one).</summary>
    public Task<ScanJob> StartAsync(ScanRequest request, CancellationToken cancellationToken) =>
        McpErrors.GuardAsync(() => compliance.StartScanAsync(request, cancellationToken));

    /// <summary>The result of a cached request, or null (validates the request; never scans).</summary>
    public Task<ComplianceResult?> GetCachedAsync(ScanRequest request, CancellationToken cancellationToken) =>
        McpErrors.GuardAsync(() => compliance.GetCachedResultAsync(request, cancellationToken));

    /// <summary>
    /// A scan of every cost-generating type keeps the answers every reader relies on fresh (the dashboard's scans are
    /// the same), so any caller's question may cause one; a narrower list of types no cached scan covers is a scan of its
    /// own and needs what <c>start_scan</c> needs. Either way the scan is recorded.
    /// </summary>
    private void Authorize(ScanRequest request, RequestContext<CallToolRequestParams> asker)
    {
        var tool = asker.Params?.Name ?? "this tool";
        if (!CoversEveryType(request) && scanAccess.DenialReason(asker.User) is { } reason)
        {
            var regions = request.Regions.IsEmpty ? "every enabled region" : string.Join(", ", request.Regions);
            throw McpErrors.Invalid(
                $"{tool}: no cached scan answers this question (resource types {request.Scope.TypesText}; {regions}), " +
                $"and answering it would start a scan of just those types. {reason} Ask with resource_types [\"all\"] (kept " +
                "fresh for every reader) and narrow by regions, or ask someone who may scan to run start_scan for these types.");
        }

        scanAccess.Started(asker.User, tool, request);
    }

    private static bool CoversEveryType(ScanRequest request) => request.Scope.CoversEveryCostType;

    /// <summary>
    /// Waits for a scan, telling the caller how it goes when it asked for progress: each notification is sent after the
    /// previous one was (never fire-and-forget), so the caller sees them in order however busy the server is.
    /// </summary>
    private static async Task WaitAsync(ScanJob job, RequestContext<CallToolRequestParams> asker, CancellationToken cancellationToken)
    {
        if (asker.Params?.ProgressToken is { } token)
        {
            await foreach (var snapshot in job.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                await asker.Server.NotifyProgressAsync(token, Progress(snapshot), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        try
        {
            await job.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw McpErrors.Invalid($"Scan {job.Id} was cancelled before it finished; start it again with start_scan or force_refresh.");
        }
    }

    /// <summary>A progress notification of a scan's state: percent of 100 and a line saying where it is.</summary>
    public static ProgressNotificationValue Progress(ScanJobSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var done = snapshot.Regions.Count(r => r.IsFinished);
        var failed = snapshot.Regions.Count(r => r.Status == RegionScanStatus.Failed);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{done} of {snapshot.Regions.Length} regions done{(failed > 0 ? $" ({failed} failed)" : "")}, {snapshot.Resources} resources, {snapshot.Violations} violations");
        return new ProgressNotificationValue { Progress = (float)snapshot.Percent, Total = 100, Message = message };
    }
}
