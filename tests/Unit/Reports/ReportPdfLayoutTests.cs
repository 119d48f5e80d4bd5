using FinOps.Domain.Costs;
using FinOps.Domain.Reports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Costs;
using UglyToad.PdfPig;

namespace FinOps.Tests.Unit.Reports;

/// <summary>What a manager reads first in the PDF, and what it leaves out.</summary>
public sealed class ReportPdfLayoutTests
{
    private static readonly string[] Quiet = ["ap-northeast-3", "me-central-1"];

    /// <summary>Ten regions, two of them scanned with nothing in them and nothing billed.</summary>
    private static readonly RegionReport TenRegions = BuildTenRegions();

    [Fact]
    public async Task Regions_with_nothing_in_scope_and_nothing_billed_share_one_line_instead_of_a_page_each()
    {
        var pages = await PageTexts(TenRegions);

        Assert.All(Quiet, region => Assert.DoesNotContain(pages, p => p.StartsWith($"Region {region} ", StringComparison.Ordinal)));
        Assert.Contains(pages, p => p.Contains($"Nothing in scope and nothing billed, so no page of their own: {string.Join(", ", Quiet)}.", StringComparison.Ordinal));
        Assert.All(TenRegions.Sections.Where(s => !Quiet.Contains(s.Region)),
            s => Assert.Contains(pages, p => p.StartsWith($"Region {s.Label} ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Page_one_lists_every_fix_it_mentions_and_charts_the_score_of_every_region()
    {
        var report = TenRegions;
        var cover = (await PageTexts(report))[0];

        Assert.Equal(10, report.TopOffenders.Resources.Length);
        Assert.Contains(report.TopOffenders.Sentence, cover);
        foreach (var fix in report.TopOffenders.Resources)
        {
            Assert.Contains(Money.Format(fix.CostAtStakeCents), cover);
        }

        Assert.Contains("Compliance score by region, lowest first", cover);
        foreach (var section in report.Sections.Where(s => s.Status == RegionScanStatus.Succeeded && !s.Summary.NothingInScope))
        {
            Assert.Contains($"{section.Label} {ReportFormat.Percent(section.Summary.ScorePercent)}", cover);
        }
    }

    [Fact]
    public async Task The_metric_reads_as_people_say_it_and_the_policy_is_named_by_its_version_not_its_hash()
    {
        var pages = await PageTexts(ReportFixture.Report);
        var all = string.Join(" ", pages);

        Assert.DoesNotContain("UnblendedCost", all);
        Assert.Contains("Unblended cost", pages[0]);
        Assert.Contains($"Tagging policy: version {ReportFixture.Report.PolicyVersion} ·", pages[0]);
        Assert.DoesNotContain(ReportFixture.Report.PolicyHash, all);
    }

    [Fact]
    public async Task Many_regions_are_counted_on_page_one_and_each_is_listed_on_page_two()
    {
        var pages = await PageTexts(TenRegions);

        Assert.Contains("Regions: 10 regions, each listed with its figures on page 2", pages[0]);
        Assert.All(TenRegions.Regions, region => Assert.Contains(region, pages[1]));
    }

    private static async Task<List<string>> PageTexts(RegionReport report)
    {
        using var stream = new MemoryStream();
        await ReportPdfWriter.WriteAsync(report, stream, CancellationToken.None);
        using var document = PdfDocument.Open(stream.ToArray());
        return [.. document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))];
    }

    private static RegionReport BuildTenRegions()
    {
        string[] busy = ["ap-south-1", "ca-central-1", "eu-central-1", "eu-north-1", "eu-west-1", "sa-east-1", "us-east-1", "us-west-2"];
        var scenario = CostScenario.Empty([.. busy, .. Quiet]);
        var id = 0;
        foreach (var (region, i) in busy.Select((r, i) => (r, i)))
        {
            // Each busy region: one compliant instance and i + 1 without an owner, so scores differ.
            scenario = scenario.With(CostScenario.Resource("ec2:instance", region, ++id, CostScenario.GoodTags, "running", $"web-{region}"));
            for (var k = 0; k <= i; k++)
            {
                scenario = scenario.With(CostScenario.Resource("ec2:instance", region, ++id, [new("CostCenter", "CC-1")], "running", $"batch-{region}-{k}"));
            }

            scenario = scenario.With(CostScenario.Compute, region, 10_000 + i * 1_000);
        }

        return RegionReport.From(scenario.Build(), CostScenario.Now.AddMinutes(5));
    }
}
