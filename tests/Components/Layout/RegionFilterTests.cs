using Bunit;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components;
using FinOps.Web.Components.Layout;
using MudBlazor;

namespace FinOps.Tests.Components.Layout;

public sealed class RegionFilterTests : DashboardTestContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Choosing_regions_puts_them_in_the_url_sorted_and_comma_separated()
    {
        RenderMudProviders();
        Navigation.NavigateTo("/violations?page=2");
        var filter = Render<RegionFilter>();

        await ChooseAsync(filter, ["*", "us-east-1"]);
        Assert.EndsWith("/violations?page=2&regions=us-east-1", Navigation.Uri);

        await ChooseAsync(filter, ["us-east-1", "eu-west-1"]);
        Assert.EndsWith("/violations?page=2&regions=eu-west-1,us-east-1", Navigation.Uri);
        filter.WaitForAssertion(() => Assert.Equal("eu-west-1, us-east-1", Shown(filter)), Patience);
    }

    [Fact]
    public async Task All_regions_clears_the_filter_and_unticking_the_last_region_means_all_again()
    {
        RenderMudProviders();
        Navigation.NavigateTo("/?regions=eu-west-1,us-east-1");
        var filter = Render<RegionFilter>();
        Assert.Equal("eu-west-1, us-east-1", Shown(filter));

        await ChooseAsync(filter, ["eu-west-1", "us-east-1", "*"]);
        Assert.DoesNotContain("regions=", Navigation.Uri);
        filter.WaitForAssertion(() => Assert.Equal("All regions", Shown(filter)), Patience);

        Navigation.NavigateTo("/?regions=eu-west-1");
        await ChooseAsync(filter, []);
        Assert.DoesNotContain("regions=", Navigation.Uri);
    }

    [Fact]
    public void The_filter_follows_the_url_when_it_changes_elsewhere()
    {
        RenderMudProviders();
        var filter = Render<RegionFilter>();
        Assert.Equal("All regions", Shown(filter));

        Navigation.NavigateTo("/?regions=sa-east-1,global");

        filter.WaitForAssertion(() => Assert.Equal("global, sa-east-1", Shown(filter)), Patience);
    }

    [Fact]
    public void Navigation_links_keep_the_region_filter()
    {
        Navigation.NavigateTo("/?regions=eu-west-1,us-east-1");

        var menu = Render<NavMenu>();

        var hrefs = menu.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            ["?regions=eu-west-1,us-east-1", "regions?regions=eu-west-1,us-east-1", "violations?regions=eu-west-1,us-east-1",
             "owners?regions=eu-west-1,us-east-1", "costs?regions=eu-west-1,us-east-1", "trends?regions=eu-west-1,us-east-1", "drift?regions=eu-west-1,us-east-1", "reports?regions=eu-west-1,us-east-1", "waivers?regions=eu-west-1,us-east-1", "policy?regions=eu-west-1,us-east-1",
             "scan?regions=eu-west-1,us-east-1", "schedules?regions=eu-west-1,us-east-1"],
            hrefs);
        Navigation.NavigateTo("/costs");
        menu.WaitForAssertion(() => Assert.Equal("costs", menu.FindAll("a")[4].GetAttribute("href")), Patience);
    }

    [Fact]
    public void Regions_group_by_geography_with_global_last()
    {
        var groups = RegionGeography.Grouped(["global", "us-west-2", "eu-west-1", "ap-south-1", "us-east-1", "ca-central-1", "me-south-1", "xx-test-1"]);

        Assert.Equal(["United States", "Canada", "Europe", "Middle East", "Asia Pacific", "Other", "Global"], groups.Select(g => g.Group));
        Assert.Equal<string>(["us-east-1", "us-west-2"], groups[0].Regions);
        Assert.Equal("eu-west-1 (Ireland)", RegionGeography.Describe("eu-west-1"));
    }

    private static IRenderedComponent<MudSelect<string>> Select(IRenderedComponent<RegionFilter> filter) =>
        filter.FindComponent<MudSelect<string>>();

    /// <summary>What the select shows as its value.</summary>
    private static string? Shown(IRenderedComponent<RegionFilter> filter) =>
        filter.Find("[data-testid=region-filter]").GetAttribute("value");

    private static Task ChooseAsync(IRenderedComponent<RegionFilter> filter, string[] values) =>
        filter.InvokeAsync(() => Select(filter).Instance.SelectedValuesChanged.InvokeAsync(values));
}
