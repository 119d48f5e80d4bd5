using System.ComponentModel;
using System.Globalization;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Web.Mcp.Answers;
using FinOps.Web.Security;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>The headline question: how compliant is the account and what does it cost.</summary>
[McpServerToolType]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "MCP argument names are snake_case on the wire; the SDK takes them from the parameter names.")]
public sealed class ComplianceTools(McpScanResults results, ResultMemo<PreparedAnswer> answers)
{
    private const string Tool = "check_tag_compliance";

    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = Tool, Title = "Check tag compliance", ReadOnly = true, Destructive = false, Idempotent = true,
        OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(ComplianceAnswer))]
    [Description("Checks resources against the tagging policy: compliance score, resource counts (total, in scope, " +
        "compliant, out of scope), the cost attribution gap in USD with its provenance, a per-region breakdown, which " +
        "regions failed, and a page of violations ranked by cost at stake. Use it first for any question about tag " +
        "compliance or untagged spend. Answers come from the latest cached scan (see as_of) unless force_refresh is true, or " +
        "about a past scan when scan_id is given (see list_scans); " +
        "a fresh scan of a large account can take minutes — prefer start_scan + get_scan_status for that.")]
    public async Task<CallToolResult> CheckTagComplianceAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("Resource types to check, e.g. [\"ec2:instance\", \"s3:bucket\"], or [\"all\"] for every cost-generating type.")]
        string[] resource_types,
        [Description("Regions to include, e.g. [\"eu-west-1\"], or \"global\" for resources without a region. Omit for every enabled region (see list_regions).")]
        string[]? regions = null,
        [Description("Only list violations of this severity: \"error\" or \"warning\". Never changes the score or counts.")]
        string? severity = null,
        [Description("Scan again instead of answering from the cache (slow; default false).")]
        bool force_refresh = false,
        [Description("Violations per page, 1–500 (default 50).")]
        int? limit = null,
        [Description("next_cursor of a previous answer, to get the next page (same other arguments).")]
        string? cursor = null,
        [Description("Answer as the product showed it right after this scan (a scan_id from list_scans), judged by that scan's policy; omit for now.")]
        string? scan_id = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asOf = scan_id is null ? null : McpScanResults.ScanIdArgument(scan_id);
        var scope = McpArguments.Scope(McpArguments.ResourceTypes(resource_types), regions);
        var types = scope.ResourceTypes;
        var regionFilter = scope.Regions;
        var severityFilter = McpArguments.Severity(severity);
        var pageSize = McpArguments.Limit(limit);
        var fingerprint = McpCursor.FingerprintOf(Tool, types, regionFilter, [severityFilter?.ToWire(), asOf]);

        // Severity filters the list only, so it is left out of the request: every severity shares one cached scan.
        var request = new ScanRequest(scope, null, force_refresh);
        var (result, fromCache, offset) = await results.PageAsync(asOf, request, cursor, fingerprint, "resource_types, regions, severity or scan_id",
            context, cancellationToken).ConfigureAwait(false);

        // The answer depends only on the result and these arguments, so asking again (another assistant, the same page
        // again) is served as serialised the first time: a cached answer costs a lookup, not a page of shaping.
        var key = string.Create(CultureInfo.InvariantCulture, $"{Tool}|{fingerprint}|{offset}|{pageSize}|{fromCache}");
        return answers.GetOrAdd(result, key, (Results: results, Result: result, Severity: severityFilter, Fingerprint: fingerprint,
            Offset: offset, PageSize: pageSize, FromCache: fromCache), static s =>
            {
                var answer = Answer(s.Results, s.Result, s.Severity, s.Fingerprint, s.Offset, s.PageSize, s.FromCache);
                return PreparedAnswer.From(answer, McpText.Compliance(answer));
            }).ToResult();
    }

    private static ComplianceAnswer Answer(McpScanResults results, ComplianceResult result, Severity? severity, string fingerprint,
        int offset, int pageSize, bool fromCache)
    {
        var filter = severity is { } s ? new ViolationFilter(Severity: s) : ViolationFilter.None;
        var violations = ViolationQuery.Page(result, filter, ViolationSort.CostAtStake, descending: true, offset, pageSize);
        var next = violations.NextOffset is { } nextOffset ? new McpCursor(result.ScanId, fingerprint, nextOffset).Encode() : null;
        var summary = result.Summary;
        return new ComplianceAnswer(
            result.ScanId,
            result.AsOf,
            result.PolicyHash,
            fromCache,
            [.. result.Types.Select(t => t.Name)],
            McpAnswers.List(result.RegionFilter),
            result.IsMeasured,
            result.IsMeasured ? summary.Score : null,
            result.IsMeasured ? summary.ScorePercent : null,
            result.IsMeasured && summary.NothingInScope,
            summary.TotalResources,
            summary.InScope,
            summary.Compliant,
            summary.NonCompliant,
            summary.OutOfScope,
            violations.TotalCount,
            [.. violations.Items.Select(McpAnswers.Violation)],
            next,
            McpAnswers.Money(result.GapReport.Overall.Gap),
            [.. result.Regions.Select(McpAnswers.Regional)],
            McpAnswers.RegionMetadata(result.RegionMetadata),
            McpAnswers.DataQuality(result.DataQuality),
            summary.Waived,
            Domain.Costs.Money.ToUsd(result.Costs.WaivedCents));
    }
}
