using System.Globalization;
using FinOps.Domain.Costs;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using PdfSharp.Pdf;

namespace FinOps.Domain.Reports;

/// <summary>
/// Renders a <see cref="RegionReport"/> as an A4 PDF (PDFsharp, DejaVu Sans embedded). Page 1 is what a manager reads:
/// account, regions, period, as-of, the overall score, gap and spend, the score of every region as a chart, and the
/// fixes that close most of the gap, each listed. Page 2 opens with "Since the last period" when the report was built
/// with history (then and now, violations fixed and new, the score at each kept scan as a line chart, or one line
/// when there is no earlier scan), then reconciles the spend and tables the regions; then a page per
/// region with score, gap, spend reconciliation, a bar chart of violations by tag key and the top offenders by cost
/// (regions with nothing in scope and nothing billed share one line instead); data-quality notes; "Page n of m" on
/// every page.
/// </summary>
public static class ReportPdfWriter
{
    private const int ChartedTagKeys = 12;

    /// <summary>Up to this many regions are named on page 1; more are counted there and listed on page 2.</summary>
    private const int RegionsNamedOnCover = 8;

    /// <summary>Writes the PDF to <paramref name="destination"/> (rendered in memory first: PDFsharp saves synchronously).</summary>
    public static async Task WriteAsync(RegionReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        using var buffer = new MemoryStream();
        using (var document = Render(report, cancellationToken))
        {
            document.Save(buffer, closeStream: false);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A region with nothing to report: nothing in scope and nothing billed (a page of zeros would say only that).</summary>
    internal static bool IsEmpty(RegionReportSection section) =>
        section.Status == RegionScanStatus.Succeeded && section.Summary.NothingInScope && section.Costs.TotalCents == 0;

    private static PdfDocument Render(RegionReport report, CancellationToken cancellationToken)
    {
        ReportFontResolver.Register();
        var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Subject = $"{report.Account.DisplayName} — {report.Period.Label}";
        document.Info.Creator = "FinOps Tag Compliance Dashboard";
        using var flow = new PdfPageFlow(document);

        Cover(flow, report);
        Overview(flow, report);
        foreach (var section in report.Sections.Where(s => !IsEmpty(s)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Region(flow, section);
        }

        Quality(flow, report);
        flow.Footers($"{report.Account.DisplayName} · {report.Period.Label} · data as of {ReportFormat.Timestamp(report.AsOf)}");
        return document;
    }

    private static void Cover(PdfPageFlow flow, RegionReport report)
    {
        flow.NewPage();
        flow.Line(report.Title, flow.Title, PdfPageFlow.Accent);
        flow.Space(6);
        var account = report.Account.AccountId is { } id && !report.Account.DisplayName.Contains(id, StringComparison.Ordinal)
            ? $"{report.Account.DisplayName} ({id})"
            : report.Account.DisplayName;
        flow.Paragraph($"Account: {account}", flow.Regular);
        flow.Paragraph($"Regions: {RegionList(report)}", flow.Regular);
        flow.Paragraph($"Period: {report.Period.Label} · {report.Metric.Label()}, from {report.CostSource}", flow.Regular);
        flow.Paragraph($"Data as of: {ReportFormat.Timestamp(report.AsOf)} · generated {ReportFormat.Timestamp(report.GeneratedAt)}", flow.Regular);
        flow.Paragraph($"Tagging policy: version {report.PolicyVersion} · data quality: {ReportFormat.Status(report.DataQuality)}", flow.Regular);
        flow.Space(4);
        Headline(flow, report.Summary, report.Costs);

        var scored = report.Sections.Where(s => s.Status == RegionScanStatus.Succeeded && !s.Summary.NothingInScope)
            .OrderBy(s => s.Summary.ScorePercent).ThenBy(s => s.Region, StringComparer.Ordinal)
            .Select(s => (s.Label, s.Summary.ScorePercent)).ToList();
        if (scored.Count > 0)
        {
            flow.Line("Compliance score by region, lowest first", flow.Heading, PdfPageFlow.Accent);
            flow.PercentBars(scored, ScoreAxisMin(scored.Min(s => s.ScorePercent)));
        }

        flow.Line("Where to start fixing", flow.Heading, PdfPageFlow.Accent);
        flow.Paragraph(report.TopOffenders.Sentence, flow.Regular);
        if (!report.TopOffenders.Resources.IsEmpty)
        {
            flow.Table(
                [
                    TableColumn.Figure("#"), TableColumn.Text("Resource", 3), TableColumn.Label("Type"), TableColumn.Label("Region"),
                    TableColumn.Text("Tags to fix", 2), TableColumn.Figure("Cost at stake"),
                ],
                report.TopOffenders.Resources.Select(r => new[]
                {
                    r.Rank.ToString(CultureInfo.InvariantCulture), Arns.Label(r.Name, r.Arn), r.ResourceType, r.Region,
                    string.Join(", ", r.BrokenTagKeys), Money.Format(r.CostAtStakeCents),
                }));
        }
    }

    /// <summary>Page 2: where the spend goes, and every region's figures in one table.</summary>
    private static void Overview(PdfPageFlow flow, RegionReport report)
    {
        flow.NewPage();
        SinceLastPeriod(flow, report.SinceLastPeriod);
        flow.Line("Where the spend goes", flow.Heading, PdfPageFlow.Accent);
        Reconciliation(flow, report.Costs);

        flow.Line("Regions", flow.Heading, PdfPageFlow.Accent);
        flow.Table(
            [
                TableColumn.Label("Region"), TableColumn.Label("Status"), TableColumn.Figure("Score"), TableColumn.Figure("Non-compliant"),
                TableColumn.Figure("Violations"), TableColumn.Figure("Gap"), TableColumn.Figure("Total"),
            ],
            report.Sections.Select(s => new[]
            {
                s.Label, ReportFormat.Status(s), ReportFormat.Score(s), s.IsMeasured ? ReportFormat.Count(s.Summary.NonCompliant) : "—",
                s.IsMeasured ? ReportFormat.Count(s.Summary.Violations) : "—", ReportFormat.Gap(s), Money.Format(s.Costs.TotalCents),
            }).Append(
            [
                "All regions", ReportFormat.Status(report.DataQuality), ReportFormat.Score(report.Summary),
                ReportFormat.Count(report.Summary.NonCompliant), ReportFormat.Count(report.Summary.Violations),
                Money.Format(report.Costs.GapCents), Money.Format(report.Costs.TotalCents),
            ]),
            boldLastRows: 1);

        var empty = report.Sections.Where(IsEmpty).Select(s => s.Label).ToList();
        if (empty.Count > 0)
        {
            flow.Paragraph($"Nothing in scope and nothing billed, so no page of their own: {string.Join(", ", empty)}.", flow.Regular);
        }
    }

    /// <summary>
    /// "Since the last period": one line when there is no earlier scan; else score and gap then and now, violations
    /// fixed and new, and the score at every kept scan as a line chart (two scans or more).
    /// </summary>
    private static void SinceLastPeriod(PdfPageFlow flow, PeriodComparison? since)
    {
        if (since is null)
        {
            return;
        }

        flow.Line(PeriodComparison.Title, flow.Heading, PdfPageFlow.Accent);
        flow.Paragraph(PeriodComparisonRow.Intro(since), flow.Regular);
        if (!since.HasEarlierScan)
        {
            flow.Space(6);
            return;
        }

        flow.Table(
            [TableColumn.Label("Figure"), TableColumn.Figure("Then"), TableColumn.Figure("Now"), TableColumn.Figure("Change")],
            PeriodComparisonRow.Of(since).Select(r => new[] { r.Figure, r.Then, r.Now, r.Change }));
        if (since.Note is { } note)
        {
            flow.Paragraph(note, flow.Small);
        }

        var points = since.Trend.Where(p => p.Score is not null).Select(p => (p.At, p.Score!.Value * 100)).ToList();
        if (points.Count >= 2)
        {
            flow.Space(4);
            flow.Line("Compliance score at each kept scan", flow.Bold);
            flow.LineChart(points);
        }

        flow.Space(6);
    }

    /// <summary>The regions covered, named when few; counted (and listed on page 2) when many.</summary>
    private static string RegionList(RegionReport report)
    {
        if (report.Regions.Length <= RegionsNamedOnCover)
        {
            return string.Join(", ", report.Regions);
        }

        var global = report.Regions.Contains(ResourceCatalogue.GlobalRegion, StringComparer.Ordinal);
        var regions = report.Regions.Length - (global ? 1 : 0);
        return $"{ReportFormat.Count(regions)} regions{(global ? " and global resources" : "")}, each listed with its figures on page 2";
    }

    /// <summary>The score axis starts at a round ten at least ten points below the lowest score, so differences show.</summary>
    private static double ScoreAxisMin(double lowest) => Math.Max(0, Math.Floor((lowest - 10) / 10) * 10);

    private static void Region(PdfPageFlow flow, RegionReportSection section)
    {
        flow.NewPage();
        flow.Line($"Region {section.Label}", flow.Title, PdfPageFlow.Accent);
        var status = ReportFormat.Status(section) + (section.FailureReason is { } why ? $": {why}" : "");
        if (!section.IsMeasured)
        {
            flow.Paragraph($"Scan status: {status}. No scan has listed this region, so its compliance score and cost attribution gap are unknown.", flow.Regular);
            flow.FigureBoxes(
                new PdfFigure("Compliance score", ReportFormat.NotApplicable, $"({ReportFormat.NotScanned})"),
                new PdfFigure("Cost attribution gap", ReportFormat.Gap(section)),
                new PdfFigure("Total spend", Money.Format(section.Costs.TotalCents)));
            flow.Paragraph(section.TopOffenders.Sentence, flow.Regular);
            return;
        }

        if (section.IsStale && section.DataAsOf is { } asOf)
        {
            status += $" (figures from {ReportFormat.Timestamp(asOf)})";
        }

        flow.Paragraph($"Scan status: {status} · {ReportFormat.Count(section.Summary.TotalResources)} resources, {ReportFormat.Count(section.Summary.InScope)} in scope, {ReportFormat.Count(section.Summary.NonCompliant)} non-compliant, {ReportFormat.Count(section.Summary.Violations)} violations", flow.Regular);
        flow.Space(6);
        Headline(flow, section.Summary, section.Costs);
        Reconciliation(flow, section.Costs);

        flow.Line("Violations by tag key", flow.Heading, PdfPageFlow.Accent);
        if (section.ViolationsByTag.IsEmpty)
        {
            flow.Paragraph("No violations in this region.", flow.Regular);
        }
        else
        {
            var shown = section.ViolationsByTag.Take(ChartedTagKeys).Select(t => (t.TagKey, t.Errors, t.Warnings)).ToList();
            flow.BarChart(shown);
            if (section.ViolationsByTag.Length > ChartedTagKeys)
            {
                flow.Paragraph($"{section.ViolationsByTag.Length - ChartedTagKeys} more tag keys with fewer violations are listed in the spreadsheet.", flow.Small);
            }
        }

        flow.Space(4);
        flow.Line("Top offenders by cost at stake", flow.Heading, PdfPageFlow.Accent);
        flow.Paragraph(section.TopOffenders.Sentence, flow.Regular);
        if (!section.TopOffenders.Resources.IsEmpty)
        {
            flow.Table(
                [
                    TableColumn.Figure("#"), TableColumn.Text("Resource", 3), TableColumn.Label("Type"), TableColumn.Text("Broken tags", 2),
                    TableColumn.Figure("Cost at stake"), TableColumn.Label("Source"),
                ],
                section.TopOffenders.Resources.Select(r => new[]
                {
                    r.Rank.ToString(CultureInfo.InvariantCulture),
                    Arns.Label(r.Name, r.Arn),
                    r.ResourceType,
                    string.Join(", ", r.BrokenTagKeys),
                    Money.Format(r.CostAtStakeCents),
                    r.CostProvenance.ToWire(),
                }));
        }
    }

    private static void Headline(PdfPageFlow flow, ComplianceSummary summary, CostReconciliation costs) =>
        flow.FigureBoxes(
            summary.NothingInScope
                ? new PdfFigure("Compliance score", ReportFormat.NotApplicable, ReportFormat.NothingInScope)
                : new PdfFigure("Compliance score", ReportFormat.Percent(summary.ScorePercent)),
            new PdfFigure("Cost attribution gap", Money.Format(costs.GapCents)),
            new PdfFigure("Total spend", Money.Format(costs.TotalCents)));

    private static void Reconciliation(PdfPageFlow flow, CostReconciliation costs) =>
        flow.Table(
            [TableColumn.Label("Spend"), TableColumn.Figure("Amount"), TableColumn.Text("What it is")],
            [
                ["Attributable", Money.Format(costs.AttributableCents), "Compliant resources: chargeable to an owner"],
                ["Cost attribution gap", Money.Format(costs.GapCents), "In-scope resources that break a required tag"],
                .. costs.WaivedCents == 0 ? (string[][])[] : [["Waived", Money.Format(costs.WaivedCents), "Resources whose every violation an approved waiver covers"]],
                ["Out of scope", Money.Format(costs.OutOfScopeCents), "Resources no required tag applies to"],
                ["Untaggable", Money.Format(costs.UntaggableCents), "Services that can never carry tags (tax, support, …)"],
                ["Unallocated", Money.Format(costs.UnallocatedCents), "Spend no scanned resource carries"],
                ["Total", Money.Format(costs.TotalCents), "Everything billed for the period"],
            ],
            boldLastRows: 1);

    private static void Quality(PdfPageFlow flow, RegionReport report)
    {
        flow.NewPage();
        flow.Line("Data quality", flow.Title, PdfPageFlow.Accent);
        flow.Paragraph($"Status: {ReportFormat.Status(report.DataQuality)}. Money is in US dollars for {report.Period.Label} ({report.Metric.Label()}), from {report.CostSource}. " +
            "A resource's cost is measured where the source measures it, otherwise allocated as an even share of its SERVICE × REGION line; stopped instances carry no compute cost.", flow.Regular);
        flow.Space(6);
        if (report.DataQualityNotes.IsEmpty)
        {
            flow.Paragraph("No caveats: every region and resource type was scanned completely.", flow.Regular);
        }

        foreach (var note in report.DataQualityNotes)
        {
            flow.Paragraph("• " + note, flow.Regular);
            flow.Space(2);
        }
    }
}
