using System.Globalization;
using System.Text;
using System.Text.Json;
using FinOps.Domain.Costs;
using FinOps.Domain.Reports;
using UglyToad.PdfPig;

namespace FinOps.Tests.Unit.Reports;

public sealed class SameNumbersEverywhereTests
{
    private static async Task<byte[]> Render(Func<RegionReport, Stream, CancellationToken, Task> writer)
    {
        using var stream = new MemoryStream();
        await writer(ReportFixture.Report, stream, CancellationToken.None);
        return stream.ToArray();
    }

    [Fact]
    public async Task One_result_shows_the_same_scores_and_money_in_markdown_json_csv_xlsx_and_pdf()
    {
        var result = ReportFixture.Result;
        var markdown = ReportMarkdownWriter.Render(ReportFixture.Report);
        using var json = JsonDocument.Parse(await Render(ReportJsonWriter.WriteAsync));
        var csv = CsvRecords.Parse(Encoding.UTF8.GetString(await Render(ReportCsvWriter.WriteRegionSummaryAsync)));
        var xlsx = XlsxReader.Open(await Render(ReportXlsxWriter.WriteAsync));
        using var pdf = PdfDocument.Open(await Render(ReportPdfWriter.WriteAsync));
        var pdfPages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();

        var overall = json.RootElement.GetProperty("overall");
        Assert.Equal(result.Summary.ScorePercent, overall.GetProperty("score_percent").GetDouble());
        Assert.Equal(result.Costs.GapCents, overall.GetProperty("costs").GetProperty("gap_cents").GetInt64());
        Assert.Equal(Money.ToUsd(result.Costs.TotalCents), overall.GetProperty("costs").GetProperty("total_usd").GetDecimal());
        Assert.Contains($"**Compliance score:** {ReportFormat.Percent(result.Summary.ScorePercent)} · **Cost attribution gap:** {Money.Format(result.Costs.GapCents)}", markdown);
        Assert.Contains(Money.Format(result.Costs.GapCents), pdfPages[0]);

        var byRegion = json.RootElement.GetProperty("by_region").EnumerateArray().ToDictionary(e => e.GetProperty("region").GetString()!);
        var xlsxSummary = xlsx.Rows("Summary");
        var gapColumn = csv[0].IndexOf("gap_usd");
        var scoreColumn = csv[0].IndexOf("score_percent");
        var nothingInScopeColumn = csv[0].IndexOf("nothing_in_scope");
        foreach (var region in result.Regions.Where(r => !r.IsMeasured))
        {
            // Never listed: unknown everywhere, in each format's own words.
            var label = ReportFixture.Report.Sections.Single(s => s.Region == region.Region).Label;
            Assert.Equal(JsonValueKind.Null, byRegion[region.Region].GetProperty("score_percent").ValueKind);
            Assert.Equal(JsonValueKind.Null, byRegion[region.Region].GetProperty("costs").GetProperty("gap_cents").ValueKind);
            Assert.Equal("", csv.Single(r => r[0] == region.Region)[scoreColumn]);
            Assert.Equal("not scanned", xlsxSummary.Single(r => r.Count > 9 && r[0] == region.Region)[2]);
            Assert.Contains("**Compliance score:** n/a (not scanned) · **Cost attribution gap:** unknown",
                markdown[markdown.IndexOf($"## Region {label}", StringComparison.Ordinal)..]);
            Assert.Contains("n/a", pdfPages.Single(p => p.StartsWith($"Region {label} ", StringComparison.Ordinal)));
        }

        foreach (var region in result.Regions.Where(r => r.IsMeasured))
        {
            var score = region.Summary.ScorePercent;
            var nothingInScope = region.Summary.NothingInScope;
            var gap = region.Costs.GapCents;

            var j = byRegion[region.Region];
            Assert.Equal(score, j.GetProperty("score_percent").GetDouble());
            Assert.Equal(nothingInScope, j.GetProperty("nothing_in_scope").GetBoolean());
            Assert.Equal(gap, j.GetProperty("costs").GetProperty("gap_cents").GetInt64());

            var c = csv.Single(r => r[0] == region.Region);
            Assert.Equal(ReportFormat.PlainScore(region.Summary), c[scoreColumn]);
            Assert.Equal(ReportFormat.Flag(nothingInScope), c[nothingInScopeColumn]);
            Assert.Equal(Money.ToUsd(gap), decimal.Parse(c[gapColumn], CultureInfo.InvariantCulture));

            var x = xlsxSummary.Single(r => r.Count > 9 && r[0] == region.Region);
            Assert.Equal(nothingInScope ? "" : score.ToString(CultureInfo.InvariantCulture), x[2]);
            Assert.Equal(nothingInScope ? "1" : "0", x[3]);
            Assert.Equal(Money.ToUsd(gap), decimal.Parse(x[9], CultureInfo.InvariantCulture));

            var label = ReportFixture.Report.Sections.Single(s => s.Region == region.Region).Label;
            var section = markdown[markdown.IndexOf($"## Region {label}", StringComparison.Ordinal)..];
            Assert.StartsWith($"## Region {label}", section);
            Assert.Contains($"**Compliance score:** {ReportFormat.Score(region.Summary)} · **Cost attribution gap:** {Money.Format(gap)}", section);

            var page = pdfPages.Single(p => p.StartsWith($"Region {label} ", StringComparison.Ordinal));
            Assert.Contains(ReportFormat.Score(region.Summary), page);
            Assert.Contains(Money.Format(gap), page);
        }
    }

    [Fact]
    public async Task The_json_report_reconciles_and_lists_top_offenders_with_provenance()
    {
        using var json = JsonDocument.Parse(await Render(ReportJsonWriter.WriteAsync));
        var root = json.RootElement;

        Assert.Equal("2026-10", root.GetProperty("period").GetProperty("value").GetString());
        Assert.Equal("unblended", root.GetProperty("metric").GetString());
        Assert.Equal("partial", root.GetProperty("data_quality").GetProperty("status").GetString());
        Assert.All(root.GetProperty("by_region").EnumerateArray(), r => Assert.True(r.GetProperty("costs").GetProperty("reconciles").GetBoolean()));
        var top = root.GetProperty("overall").GetProperty("top_offenders").GetProperty("resources")[0];
        Assert.Equal(ReportFixture.Report.TopOffenders.Resources[0].Arn, top.GetProperty("arn").GetString());
        Assert.Equal(ReportFixture.Report.TopOffenders.Resources[0].CostProvenance.ToWire(), top.GetProperty("cost_provenance").GetString());
    }

    [Fact]
    public void Markdown_escapes_text_that_would_break_its_tables()
    {
        var report = ReportFixture.Report;
        var hostile = report with { Sections = [report.Sections[0] with { Region = "evil|region\nnext", FailureReason = "a | b" }, .. report.Sections.Skip(1)] };
        var lines = ReportMarkdownWriter.Render(hostile).Split('\n');

        // Within each table every row has as many unescaped pipes as the header.
        var tables = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|') || (i > 0 && lines[i - 1].StartsWith('|')))
            {
                continue;
            }

            tables++;
            var columns = Pipes(lines[i]);
            for (var k = i; k < lines.Length && lines[k].StartsWith('|'); k++)
            {
                Assert.Equal(columns, Pipes(lines[k]));
            }
        }

        Assert.True(tables >= 5);
        Assert.Contains(lines, l => l.StartsWith("| evil\\|region next |", StringComparison.Ordinal));
    }

    private static int Pipes(string line) => line.Where((c, i) => c == '|' && (i == 0 || line[i - 1] != '\\')).Count();
}
