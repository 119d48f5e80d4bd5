using System.ComponentModel;
using FinOps.Domain.Scanning;
using FinOps.Web.Mcp.Answers;
using FinOps.Web.Security;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>Scans that outlive one tool call: start one, then poll its per-region progress and its summary.</summary>
[McpServerToolType]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "MCP argument names are snake_case on the wire; the SDK takes them from the parameter names.")]
public sealed class ScanTools(McpScanResults results, TimeProvider time)
{
    [McpToolPermission(FinOpsAction.Scan)]
    [McpServerTool(Name = "start_scan", Title = "Start a scan", ReadOnly = false, Destructive = false, Idempotent = false,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("Starts a scan in the background and returns its scan_id at once; poll get_scan_status until it is no " +
        "longer running. Use it for fresh data on large accounts, where waiting inside one call could exceed a tool " +
        "timeout. Without force_refresh, a cached scan of the same request is returned instead (status succeeded or " +
        "partial, from_cache true); an identical scan already running is joined, never started twice.")]
    public async Task<ScanStartedAnswer> StartScanAsync(
        [Description("Resource types to scan, e.g. [\"ec2:instance\"], or [\"all\"] for every cost-generating type.")]
        string[] resource_types,
        [Description("Regions to scan, or \"global\"; omit for every enabled region.")]
        string[]? regions = null,
        [Description("Scan even when a cached result exists (default false).")]
        bool force_refresh = false,
        CancellationToken cancellationToken = default)
    {
        var scope = McpArguments.Scope(McpArguments.ResourceTypes(resource_types), regions);
        var request = new ScanRequest(scope, null, force_refresh);
        if (!force_refresh && await results.GetCachedAsync(request, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return new ScanStartedAnswer(cached.ScanId, McpAnswers.Status(cached), true, [.. cached.Types.Select(t => t.Name)],
                [.. cached.Regions.Select(r => r.Region)], cached.StartedAt, cached.AsOf,
                "A cached scan answers this request; get_scan_status gives its summary, or call again with force_refresh=true to scan anew.");
        }

        var job = await results.StartAsync(request, cancellationToken).ConfigureAwait(false);
        var snapshot = job.Current;
        return new ScanStartedAnswer(job.Id, McpAnswers.Status(snapshot), false, [.. Domain.Resources.ResourceCatalogue.Resolve(job.Request.ResourceTypes).Select(t => t.Name)],
            [.. snapshot.Regions.Select(r => r.Region)], job.StartedAt, time.GetUtcNow(),
            "Call get_scan_status with this scan_id every few seconds until status is no longer running.");
    }

    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = "get_scan_status", Title = "Get scan status", ReadOnly = true, Destructive = false, Idempotent = true,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("Reports a scan's progress region by region (queued, running, retrying, succeeded, failed with the reason) " +
        "and, once finished, its summary: score, counts, cost attribution gap, failed regions and data quality. Status is " +
        "running, succeeded, partial (finished but some regions failed), failed or cancelled. Use it to poll a scan from start_scan.")]
    public ScanStatusAnswer GetScanStatus(
        [Description("The scan_id returned by start_scan (or any answer's scan_id).")]
        string scan_id)
    {
        var id = scan_id?.Trim() ?? "";
        if (id.Length is 0 or > 64)
        {
            throw McpErrors.Invalid("scan_id is required: the scan_id returned by start_scan.");
        }

        var now = time.GetUtcNow();
        if (results.FindJob(id) is { } job)
        {
            var s = job.Current;
            return new ScanStatusAnswer(s.JobId, McpAnswers.Status(s), s.Percent, s.StartedAt, s.FinishedAt, Math.Round(s.Elapsed.TotalSeconds, 3),
                s.Resources, s.Violations, s.Retries, [.. s.Regions.Select(McpAnswers.Progress)], s.Error,
                s.Result is { } r ? McpAnswers.Summary(r, r.GapReport.Overall) : null, now);
        }

        throw McpErrors.Invalid($"No scan with id '{McpArguments.Shorten(id)}' is known (finished scans are kept for a while, then forgotten). Start one with start_scan.");
    }
}
