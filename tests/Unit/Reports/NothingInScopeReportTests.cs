using System.Globalization;
using System.Text;
using System.Text.Json;
using FinOps.Domain.Reports;
using FinOps.Tests.Unit.Costs;
using UglyToad.PdfPig;

namespace FinOps.Tests.Unit.Reports;

/// <summary>PRODUCT §2: the score is 1.0 when nothing is in scope, and every report format says so in words or with a flag, never as a bare 100%.</summary>
public sealed class NothingInScopeReportTests
{
    private const string Empty = LargeAccountFixture.NothingInScopeRegion;
    private const string InWords = "n/a (nothing in scope)";

    /// <summary>The report of the nothing-in-scope region alone: the whole selection has nothing in scope.</summary>
    private static readonly RegionReport EmptySelection =
        RegionReport.From(LargeAccountFixture.Result.ForRegions([Empty]), CostScenario.Now.AddMinutes(5));

    private static async Task<byte[]> Render(Func<RegionReport, Stream, CancellationToken, Task> writer, RegionReport report)
    {
        using var stream = new MemoryStream();
        await writer(report, stream, CancellationToken.None);
        return stream.ToArray();
    }

    [Fact]
    public void The_fixture_has_a_region_with_nothing_in_scope_and_regions_with_a_score()
    {
        var sections = LargeAccountFixture.Report.Sections;

        Assert.True(sections.Single(s => s.Region == Empty).Summary.NothingInScope);
        Assert.Equal(1.0, sections.Single(s => s.Region == Empty).Summary.Score);
        Assert.Contains(sections, s => !s.Summary.NothingInScope);
        Assert.True(EmptySelection.Summary.NothingInScope);
    }

    [Fact]
    public async Task The_pdf_says_nothing_in_scope_in_words_on_the_region_page_and_in_the_regions_table()
    {
        using var pdf = PdfDocument.Open(await Render(ReportPdfWriter.WriteAsync, LargeAccountFixture.Report));
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();

        var page = pages.Single(p => p.StartsWith($"Region {Empty} ", StringComparison.Ordinal));
        Assert.Contains($"Compliance score Cost attribution gap Total spend {InWords} $0.00", page);
        Assert.DoesNotContain("100.0%", page);
        Assert.Contains($"{Empty} succeeded n/a (nothing", pages[1]);
        Assert.DoesNotContain("100.0%", pages[1]);
    }

    [Fact]
    public async Task The_pdf_of_a_selection_with_nothing_in_scope_says_so_on_its_cover()
    {
        using var pdf = PdfDocument.Open(await Render(ReportPdfWriter.WriteAsync, EmptySelection));
        var cover = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        var regions = string.Join(" ", pdf.GetPage(2).GetWords().Select(w => w.Text));

        Assert.Contains($"Compliance score Cost attribution gap Total spend {InWords} $0.00", cover);
        Assert.Contains("All regions complete n/a (nothing", regions);
        Assert.DoesNotContain("100.0%", cover + regions);
    }

    [Fact]
    public void Markdown_says_nothing_in_scope_in_words_for_the_region_and_for_an_empty_selection()
    {
        var markdown = ReportMarkdownWriter.Render(LargeAccountFixture.Report);
        var section = markdown[markdown.IndexOf($"## Region {Empty}", StringComparison.Ordinal)..];

        Assert.StartsWith($"**Compliance score:** {InWords} ·", section.Split('\n')[4]);
        Assert.Contains($"| {Empty} | succeeded | {InWords} |", markdown);
        Assert.StartsWith($"**Compliance score:** {InWords} ·", ReportMarkdownWriter.Render(EmptySelection).Split('\n').First(l => l.StartsWith("**Compliance score:**", StringComparison.Ordinal)));
        Assert.DoesNotContain("100.0%", ReportMarkdownWriter.Render(EmptySelection));
    }

    [Fact]
    public async Task The_csv_leaves_the_score_empty_and_flags_nothing_in_scope()
    {
        var records = CsvRecords.Parse(Encoding.UTF8.GetString(await Render(ReportCsvWriter.WriteRegionSummaryAsync, LargeAccountFixture.Report)));
        var score = records[0].IndexOf("score_percent");
        var flag = records[0].IndexOf("nothing_in_scope");

        Assert.Equal(score + 1, flag);
        Assert.Equal(["", "true"], new[] { records.Single(r => r[0] == Empty)[score], records.Single(r => r[0] == Empty)[flag] });
        foreach (var row in records.Skip(1).Where(r => r[0] != Empty))
        {
            Assert.Equal("false", row[flag]);
            Assert.True(double.TryParse(row[score], CultureInfo.InvariantCulture, out _), $"{row[0]} has a numeric score");
        }

        var all = CsvRecords.Parse(Encoding.UTF8.GetString(await Render(ReportCsvWriter.WriteRegionSummaryAsync, EmptySelection)))[^1];
        Assert.Equal(["all", "", "true"], new[] { all[0], all[score], all[flag] });
    }

    [Fact]
    public async Task The_xlsx_leaves_the_score_cell_empty_flags_nothing_in_scope_and_says_it_beside_the_compliance_score()
    {
        var book = XlsxReader.Open(await Render(ReportXlsxWriter.WriteAsync, LargeAccountFixture.Report));
        var rows = book.Rows("Summary");
        var header = rows.Single(r => r.Count > 0 && r[0] == "Region");

        Assert.Equal(["Score", "Nothing in scope"], header.GetRange(2, 2));
        var empty = rows.Single(r => r.Count > 3 && r[0] == Empty);
        Assert.Equal(["", "1"], empty.GetRange(2, 2));
        Assert.False(book.IsNumber("Summary", rows.IndexOf(empty), 2));
        Assert.All(rows.Where(r => r.Count > 3 && (r[0] == "us-east-1" || r[0] == "All regions")), r => Assert.Equal("0", r[3]));
        Assert.Equal(["Compliance score", InWords], book.Rows(Empty).Single(r => r.Count > 0 && r[0] == "Compliance score"));

        var selection = XlsxReader.Open(await Render(ReportXlsxWriter.WriteAsync, EmptySelection)).Rows("Summary");
        Assert.Equal(["Compliance score", InWords], selection.Single(r => r.Count > 0 && r[0] == "Compliance score"));
        Assert.Equal(["", "1"], selection.Single(r => r.Count > 3 && r[0] == "All regions").GetRange(2, 2));
    }

    [Fact]
    public async Task The_json_keeps_the_numeric_score_and_adds_nothing_in_scope()
    {
        using var json = JsonDocument.Parse(await Render(ReportJsonWriter.WriteAsync, LargeAccountFixture.Report));
        var regions = json.RootElement.GetProperty("by_region").EnumerateArray().ToDictionary(r => r.GetProperty("region").GetString()!);

        Assert.Equal(100.0, regions[Empty].GetProperty("score_percent").GetDouble());
        Assert.True(regions[Empty].GetProperty("nothing_in_scope").GetBoolean());
        Assert.False(regions["us-east-1"].GetProperty("nothing_in_scope").GetBoolean());
        Assert.False(json.RootElement.GetProperty("overall").GetProperty("nothing_in_scope").GetBoolean());

        using var selection = JsonDocument.Parse(await Render(ReportJsonWriter.WriteAsync, EmptySelection));
        Assert.True(selection.RootElement.GetProperty("overall").GetProperty("nothing_in_scope").GetBoolean());
        Assert.Equal(100.0, selection.RootElement.GetProperty("overall").GetProperty("score_percent").GetDouble());
    }
}
