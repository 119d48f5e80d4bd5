using System.ComponentModel;
using FinOps.Domain.Costs;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Web.Mcp.Answers;
using FinOps.Web.Security;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>The cost attribution gap, reconciled to the cent and broken down.</summary>
[McpServerToolType]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "MCP argument names are snake_case on the wire; the SDK takes them from the parameter names.")]
public sealed class CostTools(McpScanResults results, CostAttributionService costs)
{
    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = "get_cost_attribution_gap", Title = "Get the cost attribution gap", ReadOnly = true, Destructive = false,
        Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Explains the cost attribution gap — spend that cannot be attributed because resources break the tagging " +
        "policy — for a billing period, broken down by region, resource type or service. Every figure reconciles " +
        "(total = attributable + gap + out_of_scope + untaggable + unallocated) and carries its provenance and an explanation; " +
        "includes untagged spend per required tag key and the top offenders whose fixing closes most of the gap. Use it for " +
        "questions about money. Scans every cost-generating type, answered from the cached scan (see as_of), or about a " +
        "past scan when scan_id is given (see list_scans).")]
    public async Task<AttributionGapAnswer> GetCostAttributionGapAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("\"last-month\" (default), \"month-to-date\", \"YYYY-MM\", or \"YYYY-MM-DD..YYYY-MM-DD\" (end exclusive).")]
        string? period = null,
        [Description("Break the gap down by \"region\" (default), \"resource_type\" or \"service\".")]
        string? group_by = null,
        [Description("Regions to include, or \"global\"; omit for every enabled region.")]
        string[]? regions = null,
        [Description("\"unblended\" (default) or \"amortized\" cost.")]
        string? metric = null,
        [Description("Answer as the product showed it right after this scan (a scan_id from list_scans), judged by that scan's policy; omit for now.")]
        string? scan_id = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asOf = scan_id is null ? null : McpScanResults.ScanIdArgument(scan_id);
        BillingPeriod? billingPeriod = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            billingPeriod = costs.TryParsePeriod(period, out var parsed, out var error) ? parsed : throw McpErrors.Invalid("period: " + error + ".");
        }

        if (!CostWireNames.TryParseGrouping(group_by, out var grouping))
        {
            throw McpErrors.Invalid($"group_by '{McpArguments.Shorten(group_by!)}' is not accepted; use \"region\" (default), \"resource_type\" or \"service\".");
        }

        if (!CostWireNames.TryParseMetric(metric, out var costMetric))
        {
            throw McpErrors.Invalid($"metric '{McpArguments.Shorten(metric!)}' is not accepted; use \"unblended\" (default) or \"amortized\".");
        }

        var regionFilter = McpArguments.Scope(null, regions).Regions;
        var (result, _) = await results.GetAsync(asOf, new ScanRequest(ScanScope.Everything.WithRegions(regionFilter)),
            context, cancellationToken).ConfigureAwait(false);
        var report = await McpErrors.GuardAsync(() => costs.GetGapAsync(result,
            new AttributionGapQuery(billingPeriod, metric is null ? null : costMetric, grouping), cancellationToken)).ConfigureAwait(false);
        return McpAnswers.AttributionGap(result, report);
    }
}
