using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using FinOps.Domain.Costs;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class CostsPageTests : DashboardTestContext
{
    private static readonly string[] TwoRegions = ["eu-west-1", "us-east-1"];
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // The pages mark themselves interactive (for E2E tests to wait on); render them as the server does.
    public CostsPageTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private Task<ComplianceResult> ScanAsync() =>
        Services.GetRequiredService<ComplianceService>().GetResultAsync(ScanRequest.Default, CancellationToken.None);

    private IRenderedComponent<Costs> RenderAt(string uri)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        var page = Render<Costs>();
        page.WaitForElement("[data-testid=gap-by-region]", Wait);
        return page;
    }

    private static long Cents(IElement figure) => long.Parse(figure.GetAttribute("data-cents")!, CultureInfo.InvariantCulture);

    // A column with no money in any row is left out of the table: it reads as zero.
    private static long Cell(IElement row, string column) =>
        row.QuerySelector($"td[data-column={column}] [data-cents]") is { } figure ? Cents(figure) : 0;

    [Fact]
    public async Task Costs_page_shows_the_latest_scans_figures_with_their_provenance()
    {
        var result = await ScanAsync();
        var expected = AttributionGapReport.From(result);

        var page = RenderAt("/costs");

        Assert.Equal(result.Costs.TotalCents, Cents(page.Find("[data-testid=headline-total]")));
        Assert.Equal(result.Costs.AttributableCents, Cents(page.Find("[data-testid=headline-attributable]")));
        Assert.Equal(result.Costs.GapCents, Cents(page.Find("[data-testid=headline-gap]")));
        Assert.Equal(expected.Overall.Gap.ProvenanceLabel, page.Find("[data-testid=headline-gap]").GetAttribute("data-provenance"));
        var rows = page.FindAll("[data-testid=gap-by-region] tbody tr");
        Assert.Equal(result.Regions.Length, rows.Count);
        foreach (var region in result.Regions)
        {
            var row = rows.Single(r => r.GetAttribute("data-key") == region.Region);
            Assert.Equal(region.Costs.TotalCents, Cell(row, "total"));
            Assert.Equal(region.Costs.GapCents, Cell(row, "gap"));
            Assert.Equal(region.Costs.UnallocatedCents, Cell(row, "unallocated"));
        }
    }

    [Fact]
    public async Task Region_filter_narrows_every_figure_to_the_domains_numbers_for_those_regions()
    {
        var result = await ScanAsync();
        var narrowed = result.ForRegions(TwoRegions);
        Assert.NotEqual(result.Costs.TotalCents, narrowed.Costs.TotalCents);

        var page = RenderAt("/costs?regions=eu-west-1,us-east-1");

        Assert.Equal(narrowed.Costs.TotalCents, Cents(page.Find("[data-testid=headline-total]")));
        Assert.Equal(narrowed.Costs.GapCents, Cents(page.Find("[data-testid=headline-gap]")));
        Assert.Equal(narrowed.Costs.AttributableCents, Cents(page.Find("[data-testid=headline-attributable]")));
        Assert.Equal(TwoRegions, page.FindAll("[data-testid=gap-by-region] tbody tr").Select(r => r.GetAttribute("data-key")));
        var footer = page.Find("[data-testid=gap-by-region] tfoot tr");
        Assert.Equal(narrowed.Costs.GapCents, Cell(footer, "gap"));
        Assert.Equal(narrowed.Summary.Violations > 0, page.FindAll("[data-testid=fix-plan] tr[data-arn]").Count > 0);
        Assert.All(page.FindAll("[data-testid=fix-plan] tr[data-arn]"), r => Assert.Contains(r.QuerySelectorAll("td")[3].TextContent, TwoRegions));
        Assert.Contains(FixRanking.Build(narrowed).Overall.Sentence, page.Find("[data-testid=fix-sentence-all]").TextContent);
    }

    [Fact]
    public async Task Region_filter_narrows_the_measured_untagged_spend_per_tag_key_to_those_regions()
    {
        var result = await ScanAsync();
        var narrowed = result.ForRegions(TwoRegions);
        var expected = AttributionGapReport.From(narrowed).UntaggedByTagKey;
        var measured = result.Allocation.Snapshot.UntaggedByTagKey.ToDictionary(u => u.TagKey);

        var page = RenderAt("/costs?regions=eu-west-1,us-east-1");

        var rows = page.FindAll("[data-testid=untagged-by-tag] tbody tr");
        Assert.Equal(expected.Select(t => t.TagKey), rows.Select(r => r.GetAttribute("data-key")));
        foreach (var row in rows)
        {
            var key = row.GetAttribute("data-key")!;
            var cents = Cell(row, "measured");
            Assert.Equal(TwoRegions.Sum(r => measured[key].CentsByRegion!.GetValueOrDefault(r)), cents);
            Assert.InRange(cents, 0, narrowed.Costs.TotalCents);
            Assert.Equal("measured", row.QuerySelector("td[data-column=measured] [data-cents]")!.GetAttribute("data-provenance"));
            Assert.Null(row.QuerySelector("[data-testid=figure-caveat]"));
        }

        Assert.Contains(rows, r => Cell(r, "measured") < measured[r.GetAttribute("data-key")!].AccountCents);
    }

    [Fact]
    public async Task The_reconciliation_shown_adds_up_to_the_total_in_every_breakdown()
    {
        await ScanAsync();
        var page = RenderAt("/costs?regions=eu-west-1,us-east-1");

        var steps = page.FindAll("[data-testid=waterfall] tr[data-step]")
            .ToDictionary(r => r.GetAttribute("data-step")!, r => Cents(r.QuerySelector("[data-cents]")!));
        Assert.Equal(["total", "untaggable", "unallocated", "out_of_scope", "attributable", "gap"], steps.Keys);
        Assert.Equal(steps["total"], steps["untaggable"] + steps["unallocated"] + steps["out_of_scope"] + steps["attributable"] + steps["gap"]);
        Assert.Contains("to the cent", page.Find("[data-testid=waterfall-reconciles]").TextContent);

        foreach (var table in new[] { "gap-by-region", "gap-by-type", "gap-by-service" })
        {
            var rows = page.FindAll($"[data-testid={table}] tbody tr");
            Assert.NotEmpty(rows);
            var footer = page.Find($"[data-testid={table}] tfoot tr");
            foreach (var column in new[] { "total", "untaggable", "unallocated", "out_of_scope", "attributable", "gap" })
            {
                Assert.Equal(Cell(footer, column), rows.Sum(r => Cell(r, column)));
            }

            Assert.All(rows, r => Assert.Equal(Cell(r, "total"),
                Cell(r, "untaggable") + Cell(r, "unallocated") + Cell(r, "out_of_scope") + Cell(r, "attributable") + Cell(r, "gap")));
        }
    }

    [Fact]
    public async Task Fix_plan_links_each_offender_to_its_resource_page()
    {
        var result = await ScanAsync();
        var top = FixRanking.Build(result).Overall.Resources[0];

        var page = RenderAt("/costs");

        var link = page.Find($"[data-testid=fix-plan] tr[data-arn='{top.Arn}'] a");
        Assert.Equal("resources/" + Uri.EscapeDataString(top.Arn), link.GetAttribute("href"));
    }

    [Fact]
    public async Task Fix_plan_links_keep_the_region_filter()
    {
        var result = await ScanAsync();
        var top = FixRanking.Build(result.ForRegions(["eu-west-1"])).Overall.Resources[0];

        var page = RenderAt("/costs?regions=eu-west-1");

        var link = page.Find($"[data-testid=fix-plan] tr[data-arn='{top.Arn}'] a");
        Assert.Equal("resources/" + Uri.EscapeDataString(top.Arn) + "?regions=eu-west-1", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Another_month_in_the_address_is_priced_by_the_domain_for_that_month()
    {
        var result = await ScanAsync();
        var costs = Services.GetRequiredService<CostAttributionService>();
        var month = BillingPeriod.LastCompleteMonth(costs.Today.AddMonths(-1));
        var (expected, _) = await costs.ViewAsync(result, month, CostMetric.Amortized, TwoRegions, CancellationToken.None);

        var page = RenderAt($"/costs?regions=eu-west-1,us-east-1&period={month}&metric=amortized");
        page.WaitForAssertion(() => Assert.Contains(month.Label, page.Find("[data-testid=cost-context]").TextContent), Wait);

        Assert.Contains("Amortized cost", page.Find("[data-testid=cost-context]").TextContent);
        Assert.Equal(expected.Costs.TotalCents, Cents(page.Find("[data-testid=headline-total]")));
        Assert.Equal(expected.Costs.GapCents, Cents(page.Find("[data-testid=headline-gap]")));
        Assert.Contains("no billable Cost Explorer request", page.Find("[data-testid=request-estimate]").TextContent);
    }

    [Fact]
    public async Task An_invalid_period_in_the_address_is_explained_and_the_last_month_shown()
    {
        var result = await ScanAsync();

        var page = RenderAt("/costs?period=someday");

        Assert.Contains("accepted", page.Find("[data-testid=query-error]").TextContent);
        Assert.Contains(result.CostPeriod.Label, page.Find("[data-testid=cost-context]").TextContent);
    }

    [Fact]
    public void Before_any_scan_the_page_links_to_the_scan_page()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/costs?regions=eu-west-1");
        var page = Render<Costs>();

        var empty = page.WaitForElement("[data-testid=no-scan]", Wait);
        Assert.Equal("scan?regions=eu-west-1", empty.QuerySelector("a")!.GetAttribute("href"));
    }
}
