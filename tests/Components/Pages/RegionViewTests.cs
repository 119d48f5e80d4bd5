using Bunit;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;

namespace FinOps.Tests.Components.Pages;

public sealed class RegionViewTests : DashboardTestContext
{
    [Fact]
    public async Task A_region_shows_its_own_headlines_score_by_type_and_missing_tags()
    {
        var whole = await ScanAsync();
        var region = whole.ForRegions(["eu-west-1"]);

        var page = Render<RegionView>(p => p.Add(x => x.Region, "eu-west-1"));

        Assert.Equal(Expected.Score(region.Summary), page.Find("[data-testid=overall-score]").TextContent.Trim());
        Assert.Equal(Expected.Usd(region.Summary.GapCents), page.Find("[data-testid=gap]").TextContent.Trim());
        Assert.Equal(Expected.Count(region.Summary.Violations), page.Find("[data-testid=violations]").TextContent.Trim());

        var byType = ComplianceAggregator.ByType(region.Resources);
        var typeRows = page.FindAll("[data-testid=type-table] tbody tr");
        Assert.Equal(byType.OrderByDescending(t => t.Summary.GapCents).ThenBy(t => t.ResourceType, StringComparer.Ordinal).Select(t => t.ResourceType),
            typeRows.Select(r => r.QuerySelector("[data-type]")!.GetAttribute("data-type")));
        foreach (var (type, summary) in byType)
        {
            var row = page.Find($"[data-testid=type-table] td[data-type='{type}']").ParentElement!;
            Assert.Equal(Expected.Score(summary), OverviewTests.Cell(row, "score"));
            Assert.Equal(Expected.Count(summary.Violations), OverviewTests.Cell(row, "violations"));
            Assert.Equal(Expected.Usd(summary.GapCents), OverviewTests.Cell(row, "gap"));
        }

        // Missing tags: in-scope resources without each required key, most first (counted here from the violations).
        var missing = region.Resources.Where(r => r.InScope)
            .SelectMany(r => r.Violations.Where(v => v.Kind is ViolationKind.MissingRequiredTag or ViolationKind.KeyCaseMismatch)
                .Select(v => v.TagKey).Distinct())
            .GroupBy(k => k)
            .Select(g => (Key: g.Key, Count: g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
        var tagRows = page.FindAll("[data-testid=missing-tags] tbody tr");
        Assert.NotEmpty(missing);
        Assert.Equal(missing.Select(m => m.Key), tagRows.Select(r => r.QuerySelector("[data-tag]")!.GetAttribute("data-tag")));
        Assert.Equal(missing.Select(m => Expected.Count(m.Count)), tagRows.Select(r => OverviewTests.Cell(r, "resources")));
        Assert.All(page.FindAll("[data-testid=top-offenders] tbody tr td:nth-child(3)"), c => Assert.Equal("eu-west-1", c.TextContent.Trim()));
    }

    [Fact]
    public async Task The_region_view_ignores_the_filter_for_its_figures_but_keeps_it_in_links()
    {
        var whole = await ScanAsync();
        Navigation.NavigateTo("/regions/us-east-1?regions=eu-west-1");

        var page = Render<RegionView>(p => p.Add(x => x.Region, "us-east-1"));

        Assert.Equal(Expected.Count(whole.Region("us-east-1")!.Summary.Violations), page.Find("[data-testid=violations]").TextContent.Trim());
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "regions?regions=eu-west-1");
    }

    [Fact]
    public async Task An_unknown_region_gets_a_clear_message()
    {
        await ScanAsync();

        var page = Render<RegionView>(p => p.Add(x => x.Region, "xx-nowhere-1"));

        Assert.Contains("'xx-nowhere-1' (not a region of this account)", page.Find("[data-testid=scope-error]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=headlines]"));
    }

    [Theory]
    [InlineData(",")]
    [InlineData("eu-west-1,us-east-1")]
    public async Task A_route_value_that_is_not_one_region_code_is_refused_saying_what_is_accepted(string region)
    {
        await ScanAsync();

        var page = Render<RegionView>(p => p.Add(x => x.Region, region));

        Assert.Contains("Accepted: region codes such as eu-west-1", page.Find("[data-testid=scope-error]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=headlines]"));
    }

    [Fact]
    public async Task The_regions_index_lists_every_region_of_the_result()
    {
        var whole = await ScanAsync();

        var page = Render<Regions>();

        page.WaitForAssertion(() => Assert.Equal(whole.Regions.Select(r => "regions/" + r.Region),
            page.FindAll("[data-testid=region-index] td[data-region] a").Select(a => a.GetAttribute("href"))), PageTestExtensions.Patience);
    }

    [Fact]
    public async Task The_regions_index_shows_each_regions_opt_in_status_and_spend_and_the_regions_not_scanned()
    {
        var whole = await ScanAsync();
        var targets = await Compliance.ListRegionsAsync(CancellationToken.None);

        var page = Render<Regions>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=region-index] [data-testid=not-scanned]")), PageTestExtensions.Patience);
        foreach (var region in targets.Regions)
        {
            var row = page.Find($"[data-testid=region-index] td[data-region='{region.Name}']").ParentElement!;
            Assert.Equal(new FinOps.Domain.Ports.RegionInfo(region.Name, region.OptInStatus).OptInStatusText, OverviewTests.Cell(row, "opt-in"));
            if (whole.Region(region.Name) is { } figures)
            {
                Assert.Equal(Expected.Usd(figures.Costs.TotalCents), OverviewTests.Cell(row, "spend"));
            }
            else
            {
                Assert.StartsWith("not scanned", OverviewTests.Cell(row, "status"));
            }
        }

        Assert.Equal(Expected.Usd(whole.Costs.TotalCents), OverviewTests.Cell(page.Find("[data-testid=region-index] tfoot tr"), "spend"));
    }

    [Fact]
    public async Task The_regions_index_sorts_by_spend_when_its_header_is_clicked()
    {
        var whole = await ScanAsync();
        var page = Render<Regions>();
        page.WaitForElement("[data-testid=region-index] td[data-region]", PageTestExtensions.Patience);

        await page.InvokeAsync(() => page.FindAll("[data-testid=region-index] th .mud-table-sort-label").Single(l => l.TextContent.Trim() == "Spend").Click());

        page.WaitForAssertion(() =>
        {
            var spends = page.FindAll("[data-testid=region-index] tbody tr")
                .Select(r => whole.Region(r.QuerySelector("td[data-region]")!.GetAttribute("data-region")!)?.Costs.TotalCents ?? -1).ToList();
            Assert.Equal(spends.Order(), spends);
        }, PageTestExtensions.Patience);
    }

    [Fact]
    public async Task A_regions_resource_types_are_listed_largest_gap_first()
    {
        var whole = await ScanAsync();

        var page = Render<RegionView>(p => p.Add(x => x.Region, "us-east-1"));

        var gaps = page.FindAll("[data-testid=type-table] tbody tr").Select(r => r.QuerySelector("[data-col=gap]")!.TextContent.Trim()).ToList();
        var expected = ComplianceAggregator.ByType(whole.ForRegions(["us-east-1"]).Resources).Select(t => t.Summary.GapCents).OrderDescending();
        Assert.Equal(expected.Select(Expected.Usd), gaps);
    }
}
