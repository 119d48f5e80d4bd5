using System.ComponentModel;
using System.Text;
using FinOps.Domain.Costs;
using FinOps.Domain.Reports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Web.Mcp.Answers;
using FinOps.Web.Security;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>The region report and the violations list as documents an assistant can hand on.</summary>
[McpServerToolType]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "MCP argument names are snake_case on the wire; the SDK takes them from the parameter names.")]
public sealed class ReportTools(McpScanResults results, RegionReportService reports, CostAttributionService costs)
{
    /// <summary>Default number of rows export_violations_csv returns (answers must stay small).</summary>
    public const int DefaultCsvRows = 1000;

    /// <summary>Most rows export_violations_csv returns; the HTTP export has no such limit.</summary>
    public const int MaxCsvRows = 10_000;

    [McpToolPermission(FinOpsAction.Export)]
    [McpServerTool(Name = "generate_compliance_report", Title = "Generate a compliance report", ReadOnly = true,
        Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Writes the compliance and cost report managers read — overall and per region: score, gap, spend " +
        "reconciliation, violations by tag key, top offenders and data-quality notes — as Markdown (to show or paste), " +
        "JSON (to process) or CSV (one row per region, for spreadsheets). Same figures as the dashboard and the PDF/XLSX " +
        "exports, from the cached scan of every cost-generating type (see as_of), or as of a past scan (scan_id, see list_scans).")]
    public async Task<ReportAnswer> GenerateComplianceReportAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("\"markdown\" (default), \"json\" or \"csv\".")]
        string? format = null,
        [Description("Regions to report on, or \"global\"; omit for every enabled region.")]
        string[]? regions = null,
        [Description("\"last-month\" (default), \"month-to-date\", \"YYYY-MM\", or \"YYYY-MM-DD..YYYY-MM-DD\" (end exclusive).")]
        string? period = null,
        [Description("Report as the product showed it right after this scan (a scan_id from list_scans), judged by that scan's policy; omit for now.")]
        string? scan_id = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asOf = scan_id is null ? null : McpScanResults.ScanIdArgument(scan_id);
        var kind = (format ?? "markdown").Trim().ToLowerInvariant() switch
        {
            "markdown" or "md" => "markdown",
            "json" => "json",
            "csv" => "csv",
            _ => throw McpErrors.Invalid($"format '{McpArguments.Shorten(format!)}' is not accepted; use \"markdown\" (default), \"json\" or \"csv\". PDF and XLSX are on the dashboard's reports page and GET /api/reports/regions."),
        };
        BillingPeriod? billingPeriod = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            billingPeriod = costs.TryParsePeriod(period, out var parsed, out var error) ? parsed : throw McpErrors.Invalid("period: " + error + ".");
        }

        var regionFilter = McpArguments.Scope(null, regions).Regions;
        var (result, _) = await results.GetAsync(asOf, new ScanRequest(ScanScope.Everything.WithRegions(regionFilter)),
            context, cancellationToken).ConfigureAwait(false);
        var report = await McpErrors.GuardAsync(() => reports.BuildAsync(result, billingPeriod, null, [], cancellationToken)).ConfigureAwait(false);

        string content;
        switch (kind)
        {
            case "markdown":
                content = ReportMarkdownWriter.Render(report);
                break;
            case "json":
                content = await Write(stream => ReportJsonWriter.WriteAsync(report, stream, cancellationToken)).ConfigureAwait(false);
                break;
            default:
                content = await Write(stream => ReportCsvWriter.WriteRegionSummaryAsync(report, stream, cancellationToken)).ConfigureAwait(false);
                break;
        }

        var (mediaType, extension) = kind switch
        {
            "markdown" => ("text/markdown", "md"),
            "json" => ("application/json", "json"),
            _ => ("text/csv", "csv"),
        };
        return new ReportAnswer(kind, mediaType, $"compliance-report-{report.AsOf:yyyyMMdd-HHmm}.{extension}", content,
            Encoding.UTF8.GetByteCount(content), result.ScanId, report.AsOf, report.Regions, McpAnswers.Period(report.Period),
            report.IsMeasured, report.IsMeasured ? report.Summary.ScorePercent : null, report.IsMeasured && report.Summary.NothingInScope,
            report.IsMeasured ? Money.ToUsd(report.Costs.GapCents) : null, ReportFormat.Status(report.DataQuality));
    }

    [McpToolPermission(FinOpsAction.Export)]
    [McpServerTool(Name = "export_violations_csv", Title = "Export violations as CSV", ReadOnly = true, Destructive = false,
        Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Exports violations as CSV (one row per broken rule, highest cost at stake first) with the columns asked " +
        "for, ready for a spreadsheet; cells that a spreadsheet would run as formulas are escaped. Returns at most max_rows " +
        "rows (default 1000) and says whether the list was cut; download_path gives the whole list over HTTP. From the " +
        "cached scan of every cost-generating type (see as_of), or as of a past scan (scan_id, see list_scans).")]
    public async Task<ViolationsCsvAnswer> ExportViolationsCsvAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("Regions to include, or \"global\"; omit for every enabled region.")]
        string[]? regions = null,
        [Description("Only \"error\" or only \"warning\" violations; omit for both.")]
        string? severity = null,
        [Description("Columns in order, e.g. [\"arn\", \"tag_key\", \"gap_share_usd\"]; omit for all: region, resource_type, arn, resource_name, tag_key, kind, severity, current_value, expected, message, resource_cost_usd (the resource's whole cost, repeated per violation: never sum it), gap_share_usd (sums to the gap), cost_provenance, waived_until (ISO 8601 UTC, empty when not waived).")]
        string[]? columns = null,
        [Description("Most rows to return, 1–10000 (default 1000).")]
        int? max_rows = null,
        [Description("Export as the product showed it right after this scan (a scan_id from list_scans), judged by that scan's policy; omit for now.")]
        string? scan_id = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asOf = scan_id is null ? null : McpScanResults.ScanIdArgument(scan_id);
        var regionFilter = McpArguments.Scope(null, regions).Regions;
        var severityFilter = McpArguments.Severity(severity);
        var picked = McpArguments.Clean(columns, "columns");
        if (!ViolationColumns.TryParse(string.Join(',', picked), out var selected, out var columnError))
        {
            throw McpErrors.Invalid("columns: " + columnError);
        }

        var rowLimit = McpArguments.Limit(max_rows, DefaultCsvRows, MaxCsvRows, "max_rows");
        var (result, _) = await results.GetAsync(asOf, new ScanRequest(ScanScope.Everything.WithRegions(regionFilter)),
            context, cancellationToken).ConfigureAwait(false);
        var violations = RegionReportService.Violations(result, [], severityFilter);
        var rows = violations.Length > rowLimit ? violations[..rowLimit] : violations;
        var csv = await Write(stream => ReportCsvWriter.WriteViolationsAsync(rows, selected.Value, stream, cancellationToken)).ConfigureAwait(false);

        var query = new List<string>();
        if (!regionFilter.IsEmpty)
        {
            query.Add("regions=" + Uri.EscapeDataString(string.Join(',', regionFilter)));
        }

        if (severityFilter is { } s)
        {
            query.Add("severity=" + Domain.Policy.WireNames.ToWire(s));
        }

        if (!picked.IsEmpty)
        {
            query.Add("columns=" + Uri.EscapeDataString(string.Join(',', selected.Value.Select(c => c.ToWire()))));
        }

        var path = "/api/violations.csv" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return new ViolationsCsvAnswer(csv, [.. selected.Value.Select(c => c.ToWire())], rows.Length, violations.Length,
            rows.Length < violations.Length, asOf is null ? path : null, result.ScanId, result.AsOf, McpAnswers.List(result.RegionFilter),
            severityFilter is { } sev ? Domain.Policy.WireNames.ToWire(sev) : null);
    }

    private static async Task<string> Write(Func<Stream, Task> write)
    {
        using var stream = new MemoryStream();
        await write(stream).ConfigureAwait(false);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
