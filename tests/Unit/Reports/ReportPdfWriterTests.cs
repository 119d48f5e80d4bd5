using FinOps.Domain.Costs;
using FinOps.Domain.Reports;
using UglyToad.PdfPig;

namespace FinOps.Tests.Unit.Reports;

public sealed class ReportPdfWriterTests
{
    private static async Task<byte[]> Write(RegionReport report)
    {
        using var stream = new MemoryStream();
        await ReportPdfWriter.WriteAsync(report, stream, CancellationToken.None);
        return stream.ToArray();
    }

    private static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))];
    }

    [Fact]
    public async Task The_pdf_opens_and_each_region_page_shows_its_score_and_gap()
    {
        var pages = PageTexts(await Write(ReportFixture.Report));

        Assert.True(pages.Count >= ReportFixture.Report.Sections.Length + 2);
        foreach (var section in ReportFixture.Report.Sections)
        {
            var page = pages.Single(p => p.StartsWith($"Region {section.Label} ", StringComparison.Ordinal));
            Assert.Contains(section.IsMeasured ? ReportFormat.Score(section.Summary) : ReportFormat.NotApplicable, page);
            Assert.Contains(ReportFormat.Gap(section), page);
        }
    }

    [Fact]
    public async Task The_cover_shows_account_regions_period_as_of_and_the_overall_score_and_gap()
    {
        var report = ReportFixture.Report;
        var cover = PageTexts(await Write(report))[0];

        Assert.Contains("Sample account", cover);
        Assert.Contains("October 2026", cover);
        Assert.Contains(ReportFormat.Timestamp(report.AsOf), cover);
        Assert.Contains(string.Join(", ", report.Regions), cover);
        Assert.Contains(ReportFormat.Score(report.Summary), cover);
        Assert.Contains(Money.Format(report.Costs.GapCents), cover);
    }

    [Fact]
    public async Task Every_page_is_numbered_page_n_of_m_and_data_quality_notes_are_included()
    {
        var pages = PageTexts(await Write(ReportFixture.Report));

        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        }

        Assert.Contains("Data quality", pages[^1]);
        Assert.Contains("ap-south-1 was not scanned", string.Join(" ", pages));
    }

    [Fact]
    public async Task Rendering_from_several_threads_at_once_works_with_the_one_font_resolver()
    {
        var files = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Write(ReportFixture.Report))));

        Assert.All(files, f => Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(f, 0, 5)));
    }
}
