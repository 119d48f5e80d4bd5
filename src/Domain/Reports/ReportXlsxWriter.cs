using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace FinOps.Domain.Reports;

/// <summary>
/// Renders a <see cref="RegionReport"/> as XLSX (SpreadCheetah, streamed): a Summary sheet, a sheet per region and a
/// Violations sheet with an autofilter on its header. Numbers are numeric cells: money in US dollars with a currency
/// format, scores as percentages with one decimal; where nothing is in scope the score cell is empty and the
/// "Nothing in scope" column (or the text beside "Compliance score") says so.
/// </summary>
public static class ReportXlsxWriter
{
    /// <summary>The name of the first sheet.</summary>
    public const string SummarySheet = "Summary";

    /// <summary>The name of the "Since the last period" sheet (second, present when the report was built with history).</summary>
    public const string SinceSheet = "Since last period";

    /// <summary>The name of the violations sheet.</summary>
    public const string ViolationsSheet = "Violations";

    /// <summary>The Violations sheet's header.</summary>
    public static IReadOnlyList<string> ViolationsHeader { get; } =
        ["Rank", "Region", "Resource type", "ARN", "Resource name", "Tag key", "Kind", "Severity", "Current value", "Expected", "Resource cost (USD, per resource — do not sum)", "Gap share (USD, sums to the gap)", "Cost provenance"];

    public static async Task WriteAsync(RegionReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);

        await using var book = await Spreadsheet.CreateNewAsync(destination, new SpreadCheetahOptions(), cancellationToken).ConfigureAwait(false);
        var styles = new Styles(
            book.AddStyle(new Style { Font = { Bold = true } }),
            book.AddStyle(new Style { Font = { Bold = true, Size = 14 } }),
            book.AddStyle(new Style { Format = NumberFormat.Custom("\"$\"#,##0.00;-\"$\"#,##0.00") }),
            book.AddStyle(new Style { Format = NumberFormat.Custom("0.0\"%\"") }),
            book.AddStyle(new Style { Format = NumberFormat.Custom("#,##0") }));
        var names = new WorksheetNames();
        names.Take(SummarySheet);
        names.Take(ViolationsSheet);
        names.Take(SinceSheet);

        await WriteSummaryAsync(book, report, styles, cancellationToken).ConfigureAwait(false);
        if (report.SinceLastPeriod is { } since)
        {
            await WriteSinceAsync(book, since, styles, cancellationToken).ConfigureAwait(false);
        }

        foreach (var section in report.Sections)
        {
            await WriteRegionAsync(book, names.Take(section.Region), section, styles, cancellationToken).ConfigureAwait(false);
        }

        await WriteViolationsAsync(book, report, styles, cancellationToken).ConfigureAwait(false);
        await book.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The "Since the last period" sheet: one line when there is no earlier scan, else then/now/change and the score trend.</summary>
    private static async Task WriteSinceAsync(Spreadsheet book, PeriodComparison since, Styles s, CancellationToken ct)
    {
        var options = new WorksheetOptions();
        options.Column(1).Width = 28;
        options.Column(2).Width = 22;
        options.Column(3).Width = 22;
        options.Column(4).Width = 16;
        await book.StartWorksheetAsync(SinceSheet, options, ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell(PeriodComparison.Title, s.Title)], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell(PeriodComparisonRow.Intro(since))], ct).ConfigureAwait(false);
        if (!since.HasEarlierScan)
        {
            return;
        }

        await book.AddRowAsync([], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Figure", s.Bold), new Cell("Then", s.Bold), new Cell("Now", s.Bold), new Cell("Change", s.Bold)], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Compliance score (%)"), Percent(since.ScoreThen), Percent(since.ScoreNow),
            since.ScorePoints is { } points ? new Cell(points) : new Cell()], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Cost attribution gap"), Usd(since.GapThenCents), Usd(since.GapNowCents), Usd(since.GapChangeCents)], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Violations fixed"), new Cell(), new Cell(), Count(since.ViolationsFixed)], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Violations new"), new Cell(), new Cell(), Count(since.ViolationsNew)], ct).ConfigureAwait(false);
        if (since.Note is { } note)
        {
            await book.AddRowAsync([new Cell(note)], ct).ConfigureAwait(false);
        }

        await book.AddRowAsync([], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Scan", s.Bold), new Cell("Finished (UTC)", s.Bold), new Cell("Compliance score", s.Bold)], ct).ConfigureAwait(false);
        foreach (var point in since.Trend)
        {
            await book.AddRowAsync([new Cell(point.ScanId), new Cell(ReportFormat.Timestamp(point.At)), Percent(point.Score)], ct).ConfigureAwait(false);
        }

        Cell Percent(double? score) => score is { } v ? new Cell(Math.Round(v * 100, 1), s.Percent) : new Cell();
        Cell Usd(long? cents) => cents is { } c ? new Cell(Money.ToUsd(c), s.Usd) : new Cell();
        Cell Count(int? n) => n is { } v ? new Cell(v, s.Integer) : new Cell();
    }

    private static async Task WriteSummaryAsync(Spreadsheet book, RegionReport report, Styles s, CancellationToken ct)
    {
        var options = new WorksheetOptions();
        options.Column(1).Width = 28;
        options.Column(2).Width = 22;
        for (var c = 3; c <= RegionHeader.Length; c++)
        {
            options.Column(c).Width = 16;
        }

        await book.StartWorksheetAsync(SummarySheet, options, ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell(report.Title, s.Title)], ct).ConfigureAwait(false);
        await Pair(book, "Account", report.Account.DisplayName, s, ct).ConfigureAwait(false);
        await Pair(book, "Account id", report.Account.AccountId ?? "", s, ct).ConfigureAwait(false);
        await Pair(book, "Regions", string.Join(", ", report.Regions), s, ct).ConfigureAwait(false);
        await Pair(book, "Period", report.Period.Label, s, ct).ConfigureAwait(false);
        await Pair(book, "Cost metric", report.Metric.ToCostExplorer(), s, ct).ConfigureAwait(false);
        await Pair(book, "Cost source", report.CostSource, s, ct).ConfigureAwait(false);
        await Pair(book, "Data as of", ReportFormat.Timestamp(report.AsOf), s, ct).ConfigureAwait(false);
        await Pair(book, "Generated", ReportFormat.Timestamp(report.GeneratedAt), s, ct).ConfigureAwait(false);
        await Pair(book, "Policy", $"version {report.PolicyVersion} ({report.PolicyHash})", s, ct).ConfigureAwait(false);
        await Pair(book, "Data quality", ReportFormat.Status(report.DataQuality), s, ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Compliance score", s.Bold), Score(report.Summary, s)], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Cost attribution gap", s.Bold), new Cell(Money.ToUsd(report.Costs.GapCents), s.Usd)], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell(report.TopOffenders.Sentence)], ct).ConfigureAwait(false);
        await book.AddRowAsync([], ct).ConfigureAwait(false);

        await book.AddHeaderRowAsync(RegionHeader, s.Bold, ct).ConfigureAwait(false);
        foreach (var section in report.Sections)
        {
            await book.AddRowAsync(RegionRow(section.Region, ReportFormat.Status(section), section.Summary, section.Costs, s, measured: section.IsMeasured), ct).ConfigureAwait(false);
        }

        await book.AddRowAsync(RegionRow("All regions", ReportFormat.Status(report.DataQuality), report.Summary, report.Costs, s, bold: true), ct).ConfigureAwait(false);
        await book.AddRowAsync([], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Data-quality notes", s.Bold)], ct).ConfigureAwait(false);
        foreach (var note in report.DataQualityNotes.DefaultIfEmpty("None: every region and type was scanned completely."))
        {
            await book.AddRowAsync([new Cell(note)], ct).ConfigureAwait(false);
        }
    }

    private static readonly string[] RegionHeader =
        ["Region", "Status", "Score", "Nothing in scope", "Resources", "Non-compliant", "Violations", "Total (USD)", "Attributable (USD)", "Gap (USD)", "Out of scope (USD)", "Untaggable (USD)", "Unallocated (USD)"];

    /// <summary>A region row; a region no scan has listed shows "not scanned" and leaves its unknown figures empty.</summary>
    private static Cell[] RegionRow(string region, string status, ComplianceSummary summary, CostReconciliation costs, Styles s,
        bool bold = false, bool measured = true) =>
    [
        new Cell(region, bold ? s.Bold : default),
        new Cell(status),
        !measured ? new Cell(ReportFormat.NotScanned) : summary.NothingInScope ? new Cell() : new Cell(summary.ScorePercent, s.Percent),
        new Cell(measured && summary.NothingInScope),
        measured ? new Cell(summary.TotalResources, s.Integer) : new Cell(),
        measured ? new Cell(summary.NonCompliant, s.Integer) : new Cell(),
        measured ? new Cell(summary.Violations, s.Integer) : new Cell(),
        new Cell(Money.ToUsd(costs.TotalCents), s.Usd),
        measured ? new Cell(Money.ToUsd(costs.AttributableCents), s.Usd) : new Cell(),
        measured ? new Cell(Money.ToUsd(costs.GapCents), s.Usd) : new Cell(),
        measured ? new Cell(Money.ToUsd(costs.OutOfScopeCents), s.Usd) : new Cell(),
        new Cell(Money.ToUsd(costs.UntaggableCents), s.Usd),
        new Cell(Money.ToUsd(costs.UnallocatedCents), s.Usd),
    ];

    private static async Task WriteRegionAsync(Spreadsheet book, string sheetName, RegionReportSection section, Styles s, CancellationToken ct)
    {
        var options = new WorksheetOptions();
        options.Column(1).Width = 30;
        options.Column(2).Width = 60;
        for (var c = 3; c <= 6; c++)
        {
            options.Column(c).Width = 16;
        }

        await book.StartWorksheetAsync(sheetName, options, ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell(section.Label, s.Title)], ct).ConfigureAwait(false);
        await Pair(book, "Status", ReportFormat.Status(section) + (section.FailureReason is { } why ? $": {why}" : ""), s, ct).ConfigureAwait(false);
        if (!section.IsMeasured)
        {
            await book.AddRowAsync([new Cell("Compliance score", s.Bold), new Cell(ReportFormat.Score(section))], ct).ConfigureAwait(false);
            await book.AddRowAsync([new Cell("Cost attribution gap", s.Bold), new Cell(ReportFormat.Gap(section))], ct).ConfigureAwait(false);
            await MoneyRow(book, "Total spend", section.Costs.TotalCents, s, ct).ConfigureAwait(false);
            await book.AddRowAsync([new Cell(section.TopOffenders.Sentence)], ct).ConfigureAwait(false);
            return;
        }

        if (section.DataAsOf is { } asOf && section.IsStale)
        {
            await Pair(book, "Figures from", ReportFormat.Timestamp(asOf), s, ct).ConfigureAwait(false);
        }

        await book.AddRowAsync([new Cell("Compliance score", s.Bold), Score(section.Summary, s)], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Resources", s.Bold), new Cell(section.Summary.TotalResources, s.Integer)], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Non-compliant", s.Bold), new Cell(section.Summary.NonCompliant, s.Integer)], ct).ConfigureAwait(false);
        await MoneyRow(book, "Total spend", section.Costs.TotalCents, s, ct).ConfigureAwait(false);
        await MoneyRow(book, "Attributable", section.Costs.AttributableCents, s, ct).ConfigureAwait(false);
        await MoneyRow(book, "Cost attribution gap", section.Costs.GapCents, s, ct).ConfigureAwait(false);
        if (section.Costs.WaivedCents != 0)
        {
            // Only once something is waived: spend approved waivers take out of the gap.
            await MoneyRow(book, "Waived", section.Costs.WaivedCents, s, ct).ConfigureAwait(false);
        }

        await MoneyRow(book, "Out of scope", section.Costs.OutOfScopeCents, s, ct).ConfigureAwait(false);
        await MoneyRow(book, "Untaggable", section.Costs.UntaggableCents, s, ct).ConfigureAwait(false);
        await MoneyRow(book, "Unallocated", section.Costs.UnallocatedCents, s, ct).ConfigureAwait(false);
        await book.AddRowAsync([], ct).ConfigureAwait(false);

        await book.AddRowAsync([new Cell("Violations by tag key", s.Bold)], ct).ConfigureAwait(false);
        await book.AddHeaderRowAsync(["Tag key", "Violations", "Errors", "Warnings", "Resources", "Cost at stake (USD)"], s.Bold, ct).ConfigureAwait(false);
        foreach (var t in section.ViolationsByTag)
        {
            await book.AddRowAsync(
            [
                new Cell(t.TagKey), new Cell(t.Violations, s.Integer), new Cell(t.Errors, s.Integer),
                new Cell(t.Warnings, s.Integer), new Cell(t.Resources, s.Integer), new Cell(Money.ToUsd(t.CostAtStakeCents), s.Usd),
            ], ct).ConfigureAwait(false);
        }

        await book.AddRowAsync([], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell("Top offenders by cost at stake", s.Bold)], ct).ConfigureAwait(false);
        await book.AddRowAsync([new Cell(section.TopOffenders.Sentence)], ct).ConfigureAwait(false);
        await book.AddHeaderRowAsync(["Rank", "ARN", "Resource type", "Broken tags", "Cost at stake (USD)", "Cost provenance"], s.Bold, ct).ConfigureAwait(false);
        foreach (var r in section.TopOffenders.Resources)
        {
            await book.AddRowAsync(
            [
                new Cell(r.Rank, s.Integer), new Cell(r.Arn), new Cell(r.ResourceType), new Cell(string.Join(", ", r.BrokenTagKeys)),
                new Cell(Money.ToUsd(r.CostAtStakeCents), s.Usd), new Cell(r.CostProvenance.ToWire()),
            ], ct).ConfigureAwait(false);
        }
    }

    private static async Task WriteViolationsAsync(Spreadsheet book, RegionReport report, Styles s, CancellationToken ct)
    {
        var columns = ViolationsHeader.Count;
        var options = new WorksheetOptions
        {
            FrozenRows = 1,
            AutoFilter = new AutoFilterOptions($"A1:{SpreadsheetUtility.GetColumnName(columns)}{report.Violations.Length + 1}"),
        };
        double[] widths = [7, 14, 22, 60, 24, 16, 20, 10, 20, 40, 22, 18, 14];
        for (var c = 0; c < widths.Length; c++)
        {
            options.Column(c + 1).Width = widths[c];
        }

        await book.StartWorksheetAsync(ViolationsSheet, options, ct).ConfigureAwait(false);
        await book.AddHeaderRowAsync([.. ViolationsHeader], s.Bold, ct).ConfigureAwait(false);

        // One reused row buffer: 100,000 violations must not mean 100,000 arrays.
        var row = new Cell[columns];
        var rank = 0;
        foreach (var v in report.Violations)
        {
            row[0] = new Cell(++rank, s.Integer);
            row[1] = new Cell(v.Region);
            row[2] = new Cell(v.ResourceType);
            row[3] = new Cell(v.Arn);
            row[4] = new Cell(v.ResourceName ?? "");
            row[5] = new Cell(v.TagKey);
            row[6] = new Cell(v.Kind.ToWire());
            row[7] = new Cell(v.Severity.ToWire());
            row[8] = new Cell(v.CurrentValue ?? "");
            row[9] = new Cell(v.Expected);
            row[10] = new Cell(Money.ToUsd(v.ResourceCostCents), s.Usd);
            row[11] = new Cell(Money.ToUsd(v.GapShareCents), s.Usd);
            row[12] = new Cell(v.CostProvenance.ToWire());
            await book.AddRowAsync(row, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The score beside its label: a percentage, or "n/a (nothing in scope)" as words where there is nothing to score.</summary>
    private static Cell Score(ComplianceSummary summary, Styles s) =>
        summary.NothingInScope ? new Cell(ReportFormat.Score(summary)) : new Cell(summary.ScorePercent, s.Percent);

    private static ValueTask Pair(Spreadsheet book, string label, string value, Styles s, CancellationToken ct) =>
        book.AddRowAsync([new Cell(label, s.Bold), new Cell(value)], ct);

    private static ValueTask MoneyRow(Spreadsheet book, string label, long cents, Styles s, CancellationToken ct) =>
        book.AddRowAsync([new Cell(label, s.Bold), new Cell(Money.ToUsd(cents), s.Usd)], ct);

    private sealed record Styles(StyleId Bold, StyleId Title, StyleId Usd, StyleId Percent, StyleId Integer);
}
