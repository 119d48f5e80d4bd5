using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;

namespace FinOps.Tests.Components.Pages;

/// <summary>The violations and resource pages over a partial result: one region's listings always fail.</summary>
public sealed class PartialResultPageTests() : DashboardTestContext(new Dictionary<string, string?>
{
    ["FinOps:Sample:FailingRegions:0"] = "ap-south-1",
})
{
    [Fact]
    public async Task The_violations_of_the_regions_that_succeeded_are_listed_and_counted()
    {
        var result = await this.RunScanAsync();
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
        var expected = ViolationQuery.Page(result, ViolationFilter.None, ViolationSort.CostAtStake, true, 0, 25);

        var page = Render<Violations>();
        page.WaitForElement("[data-testid=violations-grid] tbody tr [data-testid=violation-arn]", PageTestExtensions.Patience);

        Assert.Equal($"{ViolationsPageTests.Count(result.Summary.Violations)} violations", page.Find("[data-testid=violation-total]").TextContent.Trim());
        Assert.Equal(ViolationsPageTests.Keys(expected), ViolationsPageTests.Rows(page));
    }

    [Fact]
    public async Task Filtering_to_the_failed_region_shows_no_violations_and_says_so()
    {
        await this.RunScanAsync();
        this.Navigator().NavigateTo("/violations?regions=ap-south-1");

        var page = Render<Violations>();

        page.WaitForAssertion(() => Assert.Equal("0 violations", page.Find("[data-testid=violation-total]").TextContent.Trim()), PageTestExtensions.Patience);
        Assert.Contains("No violations in this view", page.Find("[data-testid=violations-grid]").TextContent);
    }

    [Fact]
    public async Task A_resource_of_a_region_that_succeeded_shows_its_tags()
    {
        var result = await this.RunScanAsync();
        var resource = result.Resources.First(r => !r.Violations.IsEmpty);

        var page = Render<ResourceDetail>(p => p.Add(x => x.ArnPath, Uri.EscapeDataString(resource.Arn)));

        page.WaitForElement("[data-testid=tag-table]", PageTestExtensions.Patience);
        Assert.Equal(resource.Region, page.Find("[data-testid=resource-region]").TextContent.Trim());
    }
}
