using System.Collections.Immutable;
using System.ComponentModel;
using System.Text.Json.Nodes;
using FinOps.Domain.Costs;
using FinOps.Domain.History;
using FinOps.Domain.Owners;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Reports;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace FinOps.Web.Api;

/// <summary>
/// The export endpoints for automation: the region report as PDF/XLSX/CSV and the violations CSV, of
/// the latest completed scan. Endpoints only parse input, call the domain and stream a domain writer's output; every
/// figure comes from the domain. Bad input gives a 400 problem that says what is accepted; no scan yet gives a 409.
/// </summary>
public static class ReportsApi
{
    private const string PeriodDescription =
        "Billing period: \"last-month\", \"month-to-date\", \"YYYY-MM\" or \"YYYY-MM-DD..YYYY-MM-DD\" (end exclusive). " +
        "Omitted: the scan's own period (the last complete month when it ran), so no cost request is made.";

    private const string RegionsDescription =
        "Comma-separated region codes of the account (e.g. \"eu-west-1,us-east-1\"; \"global\" for resources " +
        "without a region). Omitted or \"all\": every region.";

    /// <summary>Registers what the endpoints need: the OpenAPI document (served at <c>/openapi/v1.json</c>) and problem details.</summary>
    public static IServiceCollection AddReportsApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "FinOps Tag Compliance Dashboard API";
            document.Info.Description =
                "Exports of the latest completed scan: the region report (PDF, XLSX, CSV) and the violations CSV. " +
                "Figures are identical to the dashboard's and the MCP tools' for the same scan.";
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, _, _) =>
        {
            // The handlers take format as optional text so a missing one gets the same 400 problem as a wrong one;
            // the document still says it is required and which values exist.
            if (operation.OperationId == "GetRegionReport"
                && operation.Parameters?.FirstOrDefault(p => p.Name == "format") is OpenApiParameter format)
            {
                format.Required = true;
                if (format.Schema is OpenApiSchema schema)
                {
                    schema.Enum = [.. Enum.GetValues<ReportFileFormat>().Select(f => (JsonNode)JsonValue.Create(f.ToWire()))];
                }
            }

            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// Maps the export endpoints under <c>/api</c> and returns their group, so authorisation is added in one place
    /// (<c>app.MapReportsApi().RequireAuthorization(…)</c>).
    /// </summary>
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Exports");

        api.MapGet("/reports/regions", GetRegionReportAsync)
            .WithName("GetRegionReport")
            .WithSummary("Download the region report of the latest scan")
            .WithDescription(
                "The compliance and cost attribution report for managers, for chosen regions, period and metric: " +
                "PDF (cover, a page per region, data-quality notes), XLSX (Summary, a sheet per region, Violations) or " +
                "CSV (one row per region and an \"all\" row). Another period or metric re-prices the scan from the cost " +
                "source (never a rescan); the file name says the period, e.g. finops-regions-2026-10.pdf.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportFileFormats.PdfContentType,
                ReportFileFormats.XlsxContentType, ReportFileFormats.CsvContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        api.MapGet("/violations.csv", GetViolationsCsvAsync)
            .WithName("GetViolationsCsv")
            .WithSummary("Download the violations of the latest scan as CSV")
            .WithDescription(
                "Every violation of the latest scan, highest cost at stake first, as RFC 4180 CSV (UTF-8). Text cells " +
                "that a spreadsheet would read as a formula (starting with = + - @) are prefixed with an apostrophe.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportFileFormats.CsvContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/owners.csv", GetOwnersCsvAsync)
            .WithName("GetOwnersCsv")
            .WithSummary("Download the owners of the latest scan's resources as CSV")
            .WithDescription(
                "The rows of the dashboard's /owners page: one per owner (owner tag, team map, fallback per region, or " +
                "\"unowned\") with resources, in scope, compliant, score, gap, violations and spend at stake, largest gap first; " +
                "the owners' gaps add up to the account's gap. RFC 4180 CSV (UTF-8). Text cells that a spreadsheet would read " +
                "as a formula (starting with = + - @) are prefixed with an apostrophe. Contacts are never exported.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportFileFormats.CsvContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/drift.csv", GetDriftCsvAsync)
            .WithName("GetDriftCsv")
            .WithSummary("Download what changed between two kept scans as CSV")
            .WithDescription(
                "The rows of the dashboard's /drift page: one per resource added, removed or changed between the latest " +
                "kept scan and the one before it (or the baseline scan \"from\"), with its tag changes (key: before → after), " +
                "violations new and fixed and the gap it moved, largest movement first, as RFC 4180 CSV (UTF-8). Text cells " +
                "that a spreadsheet would read as a formula (starting with = + - @) are prefixed with an apostrophe.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportFileFormats.CsvContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return api;
    }

    internal static async Task<IResult> GetDriftCsvAsync(
        [FromQuery(Name = "regions"), Description(RegionsDescription)] string? regions,
        [FromQuery(Name = DriftRequest.TypeName), Description("Only resources of this type (e.g. \"ec2:instance\"). Omitted: every type.")] string? type,
        [FromQuery(Name = DriftRequest.TagName), Description("Only changes touching this tag key (its value or its violations). Omitted: every key.")] string? tag,
        [FromQuery(Name = DriftRequest.KindName), Description("Only resources \"added\", \"removed\" or \"changed\". Omitted: all.")] string? kind,
        [FromQuery(Name = DriftRequest.FromName), Description("The baseline scan id. Omitted: the kept scan before the latest.")] string? from,
        ComplianceService compliance,
        HistoryService history,
        CancellationToken cancellationToken)
    {
        var (request, errors) = await DriftRequest.ParseAsync(compliance, regions, type, tag, kind, from, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return Invalid(errors);
        }

        DriftReport report;
        try
        {
            if (request.Query.FromScanId is { } baseline && await history.FindScanAsync(baseline, cancellationToken).ConfigureAwait(false) is null)
            {
                return Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    [DriftRequest.FromName] = [$"No kept scan has id '{ExportLinks.Shorten(baseline)}'."],
                });
            }

            report = (await history.DriftAsync(request.Query, cancellationToken).ConfigureAwait(false)).OfKind(request.Kind);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Nothing to compare yet");
        }
        catch (HistoryUnavailableException ex)
        {
            return TypedResults.Problem(history.ForCallers(ex.Message), statusCode: StatusCodes.Status503ServiceUnavailable, title: "History unavailable");
        }

        return TypedResults.Stream(
            body => DriftCsvWriter.WriteAsync(report, body, cancellationToken),
            ReportFileFormats.CsvContentType,
            ExportLinks.DriftFileName(report.To.Record.CompletedAt));
    }

    internal static async Task<IResult> GetRegionReportAsync(
        [FromQuery(Name = "format"), Description("File format: pdf, xlsx or csv.")] string? format,
        [FromQuery(Name = "regions"), Description(RegionsDescription)] string? regions,
        [FromQuery(Name = "period"), Description(PeriodDescription)] string? period,
        [FromQuery(Name = "metric"), Description("Cost metric: \"unblended\" or \"amortized\". Omitted: the scan's own (unblended).")] string? metric,
        ComplianceService compliance,
        CostAttributionService costs,
        RegionReportService reports,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!ReportFileFormats.TryParse(format, out var fileFormat, out var formatError))
        {
            errors["format"] = [formatError];
        }

        var billingPeriod = ParsePeriod(costs, period, errors);
        var costMetric = ParseMetric(metric, errors);
        var (refusal, latest, selection) = await RefusalAsync(errors, compliance, context, regions, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        RegionReport report;
        try
        {
            report = await reports.BuildAsync(latest, billingPeriod, costMetric, selection, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceSourceException ex)
        {
            return TypedResults.Problem(
                $"The cost source could not price {billingPeriod?.Label ?? "the period"}: {ex.Message}",
                statusCode: StatusCodes.Status502BadGateway, title: "Cost source failed");
        }

        return TypedResults.Stream(
            body => Write(report, fileFormat, body, cancellationToken),
            fileFormat.ContentType(),
            ExportLinks.RegionReportFileName(report.Period, fileFormat));
    }

    internal static async Task<IResult> GetViolationsCsvAsync(
        [FromQuery(Name = "regions"), Description(RegionsDescription)] string? regions,
        [FromQuery(Name = "severity"), Description("Only violations of this severity: \"error\" or \"warning\". Omitted: both.")] string? severity,
        [FromQuery(Name = "columns"), Description(
            "Comma-separated columns, in the order wanted: region, resource_type, arn, resource_name, tag_key, kind, " +
            "severity, current_value, expected, message, resource_cost_usd (the resource's whole monthly cost, repeated on each of " +
            "its violations: never sum it), gap_share_usd (this violation's share of the gap: sums to the gap), cost_provenance, waived_until (empty when not waived). " +
            "Omitted: all of them.")] string? columns,
        ComplianceService compliance,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Severity? wantedSeverity = null;
        if (!string.IsNullOrWhiteSpace(severity))
        {
            if (WireNames.TryParseSeverity(severity.Trim(), out var parsed))
            {
                wantedSeverity = parsed;
            }
            else
            {
                errors["severity"] = [$"Unknown severity '{ExportLinks.Shorten(severity)}'; accepted: error, warning (omit it for both)."];
            }
        }

        if (!ViolationColumns.TryParse(columns, out var wantedColumns, out var columnsError))
        {
            errors["columns"] = [columnsError];
        }

        var (refusal, latest, selection) = await RefusalAsync(errors, compliance, context, regions, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var violations = RegionReportService.Violations(latest, selection, wantedSeverity);
        return TypedResults.Stream(
            body => ReportCsvWriter.WriteViolationsAsync(violations, wantedColumns!.Value, body, cancellationToken),
            ReportFileFormats.CsvContentType,
            ExportLinks.ViolationsFileName(latest.CostPeriod));
    }

    internal static async Task<IResult> GetOwnersCsvAsync(
        [FromQuery(Name = "regions"), Description(RegionsDescription)] string? regions,
        ComplianceService compliance,
        OwnerReportService owners,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (refusal, latest, selection) = await RefusalAsync(errors, compliance, context, regions, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var report = owners.For(latest.ForRegions(selection));
        return TypedResults.Stream(
            body => OwnerCsvWriter.WriteAsync(report, body, cancellationToken),
            ReportFileFormats.CsvContentType,
            ExportLinks.OwnersFileName(latest.CostPeriod));
    }

    private static Task Write(RegionReport report, ReportFileFormat format, Stream body, CancellationToken cancellationToken) =>
        format switch
        {
            ReportFileFormat.Xlsx => WriteBufferedAsync(body, buffer => ReportXlsxWriter.WriteAsync(report, buffer, cancellationToken), cancellationToken),
            ReportFileFormat.Csv => ReportCsvWriter.WriteRegionSummaryAsync(report, body, cancellationToken),
            _ => ReportPdfWriter.WriteAsync(report, body, cancellationToken),
        };

    /// <summary>
    /// Writes through a buffer (memory, then a temporary file when large): SpreadCheetah closes its zip entries with
    /// synchronous writes, which Kestrel refuses on the response body.
    /// </summary>
    private static async Task WriteBufferedAsync(Stream body, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        await using var buffer = new FileBufferingWriteStream();
        await write(buffer).ConfigureAwait(false);
        await buffer.DrainBufferAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The answer when the request cannot be served, in this order: invalid parameters or regions the account cannot
    /// scan (400, by the scope rule every door shares), nothing known yet (409). Null, with what the product shows now
    /// and the region filter, when it can.
    /// </summary>
    private static async Task<(IResult? Refusal, ComplianceResult Latest, ImmutableArray<string> Regions)> RefusalAsync(
        Dictionary<string, string[]> errors, ComplianceService compliance, HttpContext context, string? regions,
        CancellationToken cancellationToken)
    {
        ScanScope? scope = null;
        try
        {
            scope = ScanScope.FromQuery(regions);
            await compliance.PlanAsync(new ScanRequest(scope), cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidRegionException ex)
        {
            errors["regions"] = [ex.Message];
        }

        if (errors.Count > 0)
        {
            return (Invalid(errors), null!, []);
        }

        return compliance.LatestResult is { } result
            ? (null, result, scope!.Regions)
            : (NoScanYet(compliance, context), null!, []);
    }

    /// <summary>The period, or null for the scan's own when none is given.</summary>
    private static BillingPeriod? ParsePeriod(CostAttributionService costs, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (costs.TryParsePeriod(text, out var period, out var error))
        {
            return period;
        }

        errors["period"] = [char.ToUpperInvariant(error[0]) + error[1..] + "."];
        return null;
    }

    /// <summary>The metric, or null for the scan's own when none is given.</summary>
    private static CostMetric? ParseMetric(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (CostWireNames.TryParseMetric(text, out var metric))
        {
            return metric;
        }

        errors["metric"] = [$"Unknown metric '{ExportLinks.Shorten(text)}'; accepted: unblended, amortized."];
        return null;
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: string.Join(" ", errors.Values.SelectMany(e => e)),
            title: "The export request has invalid parameters");

    /// <summary>409: nothing to export yet. Says whether a scan is running (with Retry-After) or how to start one.</summary>
    private static ProblemHttpResult NoScanYet(ComplianceService compliance, HttpContext context)
    {
        var running = compliance.RunningJob;
        if (running is not null)
        {
            context.Response.Headers.RetryAfter = "10";
        }

        var detail = running is null
            ? "No scan has completed yet, so there is nothing to export. Start a scan on the dashboard's /scan page, then try again."
            : $"No scan has completed yet; scan {running.Id} is running. Try again when it finishes (follow it on the dashboard's /scan page).";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "No scan yet");
    }
}
