using AngleSharp.Dom;
using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components;
using FinOps.Web.Components.Pages;

namespace FinOps.Tests.Components.Pages;

public sealed class OverviewTests : DashboardTestContext
{
    [Fact]
    public async Task Overview_shows_the_latest_results_headlines_region_rows_and_the_resources_to_fix_first()
    {
        var result = await ScanAsync();

        var page = Render<Overview>();

        AssertHeadlines(page, result);
        var rows = page.FindAll("[data-testid=region-table] tbody tr");
        Assert.Equal(result.Regions.Select(r => r.Region), rows.Select(r => r.QuerySelector("td[data-region]")!.GetAttribute("data-region")));
        AssertRegionRows(page, result);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "costs" && a.TextContent.Contains("Cost breakdown", StringComparison.Ordinal));
        var regionCount = result.Regions.Count(r => r.Region != "global");
        Assert.Contains($"{regionCount} regions and global ·", page.Find("[data-testid=result-scope]").TextContent);
        var top = page.FindAll("[data-testid=top-offenders] tbody tr");
        var offenders = result.TopOffenders(10);
        Assert.Equal(10, top.Count);
        Assert.Equal(offenders.Select(r => "resources/" + Uri.EscapeDataString(r.Arn)), top.Select(r => r.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal(offenders.Select(r => Expected.Usd(r.CostAtStakeCents)), top.Select(r => r.QuerySelectorAll("td")[^1].TextContent.Trim()));
        Assert.Equal(offenders[0].Violations.Select(v => v.TagKey), top[0].QuerySelectorAll("code").Select(c => c.TextContent));
    }

    [Theory]
    [InlineData("eu-west-1,us-east-1")]
    [InlineData("us-west-2")]
    [InlineData("global")]
    [InlineData("ap-northeast-2,eu-central-1,sa-east-1")]
    public async Task The_region_filter_narrows_every_figure_to_what_ForRegions_computes(string filter)
    {
        var whole = await ScanAsync();
        var expected = whole.ForRegions(filter.Split(','));

        Navigation.NavigateTo("/?regions=" + filter);
        var page = Render<Overview>();

        AssertHeadlines(page, expected);
        AssertRegionRows(page, expected);
        Assert.Equal(filter.Split(',').Order(StringComparer.Ordinal), page.FindAll("[data-testid=region-table] td[data-region]").Select(c => c.GetAttribute("data-region")));
        Assert.Equal(expected.TopOffenders(10).Select(v => "resources/" + Uri.EscapeDataString(v.Arn) + "?regions=" + filter.Split(',').Order(StringComparer.Ordinal).Aggregate((a, b) => a + "," + b)),
            page.FindAll("[data-testid=top-offenders] tbody tr a").Select(a => a.GetAttribute("href")));
        Assert.NotEqual(Expected.Count(whole.Summary.Violations), page.Find("[data-testid=violations]").TextContent.Trim());
    }

    [Fact]
    public async Task A_region_with_nothing_in_scope_reads_na_with_an_explanation_instead_of_a_perfect_score()
    {
        await ScanAsync();

        Navigation.NavigateTo("/?regions=ap-northeast-2");
        var page = Render<Overview>();

        Assert.Equal("n/a", page.Find("[data-testid=overall-score]").TextContent.Trim());
        Assert.Contains("nothing to score", page.Find("[data-testid=overall-score-caption]").TextContent);
    }

    [Fact]
    public async Task A_filter_naming_a_region_the_account_cannot_scan_is_refused_with_the_rule_every_door_uses()
    {
        await ScanAsync();

        Navigation.NavigateTo("/?regions=eu-west-1,me-south-1");
        var page = Render<Overview>();

        var error = page.Find("[data-testid=scope-error]").TextContent;
        Assert.Contains("'me-south-1' (not enabled for this account: not-opted-in)", error);
        Assert.Empty(page.FindAll("[data-testid=region-table]"));
    }

    [Fact]
    public async Task A_filter_that_is_not_a_region_code_is_refused_instead_of_showing_every_region()
    {
        await ScanAsync();

        Navigation.NavigateTo("/?regions=eu-west-1,<b>x</b>");
        var page = Render<Overview>();

        Assert.Contains("is not a region code", page.Find("[data-testid=scope-error]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=headlines]"));
    }

    [Fact]
    public void Before_any_scan_the_overview_offers_to_start_one()
    {
        var page = Render<Overview>();

        var empty = page.Find("[data-testid=empty-state]");
        Assert.Contains("No scan yet", empty.TextContent);
        Assert.Equal("scan", empty.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_scan_id_that_is_no_longer_kept_is_reported_with_a_way_back_to_the_latest()
    {
        Navigation.NavigateTo("/?scan=0123456789abcdef");
        var page = Render<Overview>();

        Assert.Contains("0123456789abcdef", page.Find("[data-testid=result-error]").TextContent);
    }

    internal static void AssertHeadlines(IRenderedComponent<Overview> page, ComplianceResult expected)
    {
        Assert.Equal(Expected.Score(expected.Summary), page.Find("[data-testid=overall-score]").TextContent.Trim());
        Assert.Equal(Expected.Usd(expected.Summary.GapCents), page.Find("[data-testid=gap]").TextContent.Trim());
        Assert.Equal(Expected.Usd(expected.Costs.TotalCents), page.Find("[data-testid=total-spend]").TextContent.Trim());
        Assert.Equal(Expected.Count(expected.Summary.Violations), page.Find("[data-testid=violations]").TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(page.Find("[data-testid=gap-provenance]").TextContent), "the gap carries its provenance");
    }

    internal static void AssertRegionRows(IRenderedComponent<Overview> page, ComplianceResult expected)
    {
        foreach (var row in expected.Regions.Where(r => r.Status == RegionScanStatus.Succeeded))
        {
            var region = page.Find($"[data-testid=region-table] td[data-region='{row.Region}']");
            Assert.Equal(row.DataAsOf, DateTimeOffset.Parse(region.GetAttribute("data-as-of")!, System.Globalization.CultureInfo.InvariantCulture));
            var cells = region.ParentElement!;
            Assert.Equal(Expected.Score(row.Summary), Cell(cells, "score"));
            Assert.Equal(Expected.Count(row.Summary.InScope), Cell(cells, "in-scope"));
            Assert.Equal(Expected.Count(row.Summary.Compliant), Cell(cells, "compliant"));
            Assert.Equal(Expected.Count(row.Summary.Violations), Cell(cells, "violations"));
            Assert.Equal(Expected.Usd(row.Summary.GapCents), Cell(cells, "gap"));
        }

        var footer = page.Find("[data-testid=region-table] tfoot tr");
        Assert.Equal(Expected.Score(expected.Summary), Cell(footer, "score"));
        Assert.Equal(Expected.Count(expected.Summary.InScope), Cell(footer, "in-scope"));
        Assert.Equal(Expected.Usd(expected.Summary.GapCents), Cell(footer, "gap"));
    }

    internal static string Cell(IElement row, string column) => row.QuerySelector($"[data-col={column}]")!.TextContent.Trim();
}
