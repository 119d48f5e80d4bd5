using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Controls;
using FinOps.Web.Components.Pages;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace FinOps.Tests.Components.Pages;

public sealed class ViolationsPageTests : DashboardTestContext
{
    private const int PageSize = 25;

    [Fact]
    public async Task The_grid_shows_the_first_page_ranked_by_cost_at_stake_and_the_total()
    {
        var result = await this.RunScanAsync();
        var expected = ViolationQuery.Page(result, ViolationFilter.None, ViolationSort.CostAtStake, true, 0, PageSize);

        var page = RenderGrid();

        Assert.True(expected.TotalCount > PageSize, "the sample has more violations than one page");
        Assert.Equal(Keys(expected), Rows(page));
        Assert.Equal($"{Count(expected.TotalCount)} violations", page.Find("[data-testid=violation-total]").TextContent.Trim());
        var first = page.FindAll("[data-testid=violations-grid] tbody tr")[0];
        Assert.Equal("resources/" + Uri.EscapeDataString(expected.Items[0].Arn), first.QuerySelector("[data-testid=resource-link]")!.GetAttribute("href"));
        Assert.Equal(Usd(expected.Items[0].GapShareCents), first.QuerySelector("[data-testid=gap-share]")!.TextContent.Trim());
        Assert.StartsWith($"of {Usd(expected.Items[0].ResourceCostCents)} {expected.Items[0].CostProvenance.ToWire()}",
            first.QuerySelector("[data-testid=resource-cost]")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu-west-1,us-east-1")]
    [InlineData("us-west-2")]
    [InlineData("global")]
    public async Task The_region_filter_narrows_the_total_and_the_rows(string regions)
    {
        var whole = await this.RunScanAsync();
        var narrowed = whole.ForRegions(regions.Split(','));
        var expected = ViolationQuery.Page(narrowed, ViolationFilter.None, ViolationSort.CostAtStake, true, 0, PageSize);

        this.Navigator().NavigateTo("/violations?regions=" + regions);
        var page = RenderGrid();

        Assert.NotEqual(whole.Summary.Violations, expected.TotalCount);
        Assert.Equal($"{Count(expected.TotalCount)} violation{(expected.TotalCount == 1 ? "" : "s")}", page.Find("[data-testid=violation-total]").TextContent.Trim());
        Assert.Equal(Keys(expected), Rows(page));
        Assert.All(expected.Items, v => Assert.Contains(v.Region, regions.Split(',')));
        var link = page.Find("[data-testid=resource-link]").GetAttribute("href")!;
        Assert.Equal(string.Join(',', regions.Split(',').Order(StringComparer.Ordinal)), QueryHelpers.ParseQuery(link[link.IndexOf('?', StringComparison.Ordinal)..])["regions"].ToString());
    }

    [Fact]
    public async Task Filters_in_the_url_are_what_the_grid_asks_the_domain_for()
    {
        var result = await this.RunScanAsync();
        var filter = new ViolationFilter(["ec2:instance", "rds:db"], ["CostCenter", "Owner"],
            [ViolationKind.MissingRequiredTag, ViolationKind.InvalidValue], FinOps.Domain.Policy.Severity.Error, "i-");
        var expected = ViolationQuery.Page(result, filter, ViolationSort.CostAtStake, true, 0, PageSize);

        this.Navigator().NavigateTo("/violations?type=rds:db,ec2:instance&tag=Owner,CostCenter&kind=invalid_value,missing_required_tag&severity=error&q=i-");
        var page = RenderGrid();

        var request = page.FindComponent<ViolationsGrid>().Instance.LastRequest!;
        Assert.Equal(filter, request.Filter);
        Assert.Equal((ViolationSort.CostAtStake, true, 0, PageSize), (request.Sort, request.Descending, request.Offset, request.Limit));
        Assert.Equal(Keys(expected), Rows(page));
        Assert.Equal($"{Count(expected.TotalCount)} violations match the filters", page.Find("[data-testid=violation-total]").TextContent.Trim());
    }

    [Fact]
    public async Task Sorting_a_column_and_turning_the_page_ask_the_domain_for_that_order_and_offset()
    {
        var result = await this.RunScanAsync();
        var page = RenderGrid();

        await page.InvokeAsync(() => page.FindAll("[data-testid=violations-grid] th").Single(th => th.TextContent.Trim() == "Region")
            .QuerySelector(".sortable-column-header")!.Click());
        page.WaitForAssertion(() => Assert.Equal(ViolationSort.Region, page.FindComponent<ViolationsGrid>().Instance.LastRequest!.Sort), PageTestExtensions.Patience);
        var sorted = ViolationQuery.Page(result, ViolationFilter.None, ViolationSort.Region, false, 0, PageSize);
        page.WaitForAssertion(() => Assert.Equal(Keys(sorted), Rows(page)), PageTestExtensions.Patience);

        await page.InvokeAsync(() => page.Find("button[aria-label='Next page']").Click());
        var second = ViolationQuery.Page(result, ViolationFilter.None, ViolationSort.Region, false, PageSize, PageSize);
        page.WaitForAssertion(() => Assert.Equal(Keys(second), Rows(page)), PageTestExtensions.Patience);
        Assert.Equal(PageSize, page.FindComponent<ViolationsGrid>().Instance.LastRequest!.Offset);
    }

    [Fact]
    public async Task A_new_filter_in_the_url_reloads_the_grid_from_its_first_page()
    {
        var result = await this.RunScanAsync();
        var page = RenderGrid();
        await page.InvokeAsync(() => page.Find("button[aria-label='Next page']").Click());
        page.WaitForAssertion(() => Assert.Equal(PageSize, page.FindComponent<ViolationsGrid>().Instance.LastRequest!.Offset), PageTestExtensions.Patience);

        this.Navigator().NavigateTo("/violations?kind=missing_required_tag");

        var filter = ViolationFilter.None with { Kinds = [ViolationKind.MissingRequiredTag] };
        var expected = ViolationQuery.Page(result, filter, ViolationSort.CostAtStake, true, 0, PageSize);
        page.WaitForAssertion(() => Assert.Equal(Keys(expected), Rows(page)), PageTestExtensions.Patience);
        Assert.Equal(0, page.FindComponent<ViolationsGrid>().Instance.LastRequest!.Offset);
    }

    [Fact]
    public async Task Only_the_page_on_screen_is_rendered()
    {
        var result = await this.RunScanAsync();

        var page = RenderGrid();

        Assert.Equal(PageSize, page.FindAll("[data-testid=violations-grid] tbody tr").Count);
        Assert.True(result.Summary.Violations > 10 * PageSize);
    }

    [Fact]
    public async Task Choosing_filters_puts_them_in_the_url_and_keeps_the_region_filter()
    {
        await this.RunScanAsync();
        this.Navigator().NavigateTo("/violations?regions=eu-west-1");
        var page = RenderGrid();
        var bar = page.FindComponent<ViolationsFilterBar>();

        await bar.InvokeAsync(() => bar.FindComponents<MudSelect<string>>()[0].Instance.SelectedValuesChanged.InvokeAsync(["s3:bucket", "ec2:instance"]));

        var query = QueryHelpers.ParseQuery(new Uri(this.Navigator().Uri).Query);
        Assert.Equal("ec2:instance,s3:bucket", query["type"].ToString());
        Assert.Equal("eu-west-1", query["regions"].ToString());

        await bar.InvokeAsync(() => bar.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("web"));
        query = QueryHelpers.ParseQuery(new Uri(this.Navigator().Uri).Query);
        Assert.Equal("web", query["q"].ToString());
        Assert.Equal("ec2:instance,s3:bucket", query["type"].ToString());
    }

    [Fact]
    public void Before_any_scan_the_page_offers_to_start_one()
    {
        var page = Render<Violations>();

        var empty = page.Find("[data-testid=empty-state]");
        Assert.Contains("No scan yet", empty.TextContent);
        Assert.Equal("scan", empty.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Every_filter_control_has_an_accessible_name()
    {
        await this.RunScanAsync();

        var page = RenderGrid();

        var labels = page.FindAll("[data-testid=violations-grid], .finops-violation-filters label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Search ARN or name", labels);
        Assert.Contains("Resource type", labels);
        Assert.Contains("Tag key", labels);
        Assert.Contains("Kind", labels);
        Assert.Contains("Severity", labels);
        Assert.All(page.FindAll("button"), b => Assert.False(
            string.IsNullOrWhiteSpace(b.GetAttribute("aria-label")) && string.IsNullOrWhiteSpace(b.TextContent),
            $"button without a name: {b.OuterHtml[..Math.Min(200, b.OuterHtml.Length)]}"));
    }

    internal static List<string> Keys(ViolationPage page) =>
        [.. page.Items.Select(v => $"{v.Arn}|{v.TagKey}|{ViolationKindText.Label(v.Kind)}")];

    internal static List<string> Rows(IRenderedComponent<Violations> page) =>
        [.. page.FindAll("[data-testid=violations-grid] tbody tr").Select(Row)];

    private static string Row(IElement row) =>
        $"{row.QuerySelector("[data-testid=violation-arn]")!.TextContent.Trim()}|" +
        $"{row.QuerySelector("[data-testid=violation-tag]")!.TextContent.Trim()}|" +
        $"{row.QuerySelector("[data-testid=violation-kind]")!.TextContent.Trim()}";

    private IRenderedComponent<Violations> RenderGrid()
    {
        var page = Render<Violations>();
        page.WaitForElement("[data-testid=violations-grid] tbody tr [data-testid=violation-arn]", PageTestExtensions.Patience);
        return page;
    }

    internal static string Count(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    internal static string Usd(long cents) => (cents < 0 ? "-$" : "$") + (Math.Abs(cents) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
