using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Layout;
using FinOps.Web.Components.Pages;

namespace FinOps.Tests.Components.Pages;

/// <summary>Pages over a partial result: one region's listings always fail.</summary>
public sealed class PartialResultTests() : DashboardTestContext(new Dictionary<string, string?>
{
    ["FinOps:Sample:FailingRegions:0"] = "ap-south-1",
})
{
    [Fact]
    public async Task The_overview_marks_the_failed_region_with_its_reason_and_counts_only_the_others()
    {
        var result = await ScanAsync();
        var failure = Assert.Single(result.RegionMetadata.FailedRegions);

        var page = Render<Overview>();

        OverviewTests.AssertHeadlines(page, result);
        OverviewTests.AssertRegionRows(page, result);
        var row = page.Find("[data-testid=region-table] td[data-region='ap-south-1']").ParentElement!;
        Assert.Equal("failed", row.QuerySelector("[data-testid=region-status]")!.GetAttribute("data-status"));
        Assert.Equal(failure.Reason, row.QuerySelector("[data-testid=failure-reason]")!.TextContent.Trim());
        Assert.Contains(failure.Reason, page.Find("[data-testid=failed-regions]").TextContent);
        Assert.Equal("partial", page.Find("[data-testid=data-quality-status]").TextContent.Trim());
    }

    [Fact]
    public async Task The_app_bar_labels_the_result_partial_and_its_details_list_the_failed_region()
    {
        var result = await ScanAsync();
        var providers = RenderMudProviders();

        var status = Render<ResultStatus>();
        Assert.Equal("partial", status.Find("[data-testid=data-quality]").TextContent.Trim());
        Assert.Contains("As of", status.Find("[data-testid=data-freshness]").TextContent);

        await status.Find("[data-testid=data-quality]").ClickAsync(new());
        providers.WaitForAssertion(() => Assert.Contains(result.RegionMetadata.FailedRegions[0].Reason, providers.Find("[data-testid=failed-regions]").TextContent));
    }

    [Fact]
    public async Task The_region_view_of_the_failed_region_says_why()
    {
        var result = await ScanAsync();

        var page = Render<RegionView>(p => p.Add(x => x.Region, "ap-south-1"));

        Assert.Contains(result.Region("ap-south-1")!.FailureReason!, page.Find("[data-testid=region-failed]").TextContent);
    }

    [Fact]
    public async Task Filtering_to_healthy_regions_gives_a_complete_view()
    {
        await ScanAsync();
        Navigation.NavigateTo("/?regions=eu-west-1");

        var status = Render<ResultStatus>();

        Assert.Equal("complete", status.Find("[data-testid=data-quality]").TextContent.Trim());
    }

    [Fact]
    public async Task The_failed_regions_page_says_not_scanned_and_never_shows_a_score_or_no_gap()
    {
        await ScanAsync();

        var page = Render<RegionView>(p => p.Add(x => x.Region, "ap-south-1"));

        Assert.Equal("n/a", page.Find("[data-testid=overall-score]").TextContent.Trim());
        Assert.Contains("Not scanned:", page.Find("[data-testid=headlines]").TextContent, StringComparison.Ordinal);
        Assert.Equal("unknown", page.Find("[data-testid=gap]").TextContent.Trim());
        Assert.DoesNotContain("nothing to score", page.Markup, StringComparison.Ordinal);
    }
}
