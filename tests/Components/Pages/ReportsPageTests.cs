using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class ReportsPageTests : DashboardTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // The pages mark themselves interactive (for E2E tests to wait on); render them as the server does.
    public ReportsPageTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private async Task<IRenderedComponent<Reports>> RenderAtAsync(string uri)
    {
        await Services.GetRequiredService<ComplianceService>().GetResultAsync(ScanRequest.Default, CancellationToken.None);
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        var page = Render<Reports>();
        page.WaitForElement("[data-testid=download-report]", Wait);
        return page;
    }

    [Fact]
    public async Task Download_links_carry_the_regions_from_the_address_and_the_default_period_and_format()
    {
        var page = await RenderAtAsync("/reports?regions=us-east-1,eu-west-1");

        var report = page.Find("[data-testid=download-report]");
        Assert.Equal("A", report.TagName);
        Assert.Equal("api/reports/regions?format=pdf&regions=eu-west-1%2Cus-east-1&period=last-month&metric=unblended", report.GetAttribute("href"));
        Assert.Matches(@"^finops-regions-\d{4}-\d{2}\.pdf$", report.GetAttribute("download"));
        Assert.Equal("api/violations.csv?regions=eu-west-1%2Cus-east-1", page.Find("[data-testid=download-violations]").GetAttribute("href"));
        Assert.StartsWith("eu-west-1, us-east-1 for ", page.Find("[data-testid=report-summary]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_another_format_changes_the_link_and_the_file_name()
    {
        var page = await RenderAtAsync("/reports");

        page.FindAll("[data-testid=report-format] input[type=radio]")[1].Click();

        page.WaitForAssertion(() =>
        {
            var report = page.Find("[data-testid=download-report]");
            Assert.Equal("api/reports/regions?format=xlsx&period=last-month&metric=unblended", report.GetAttribute("href"));
            Assert.EndsWith(".xlsx", report.GetAttribute("download"), StringComparison.Ordinal);
        }, Wait);
    }

    [Fact]
    public async Task A_region_in_the_address_the_account_cannot_scan_is_refused_in_the_words_every_door_uses()
    {
        var page = await RenderAtAsync("/reports?regions=eu-west-1,mars-north-1");

        Assert.Contains("Cannot scan region 'mars-north-1' (not a region of this account)", page.Find("[data-testid=scope-error]").TextContent);
        Assert.Equal("api/reports/regions?format=pdf&period=last-month&metric=unblended",
            page.Find("[data-testid=download-report]").GetAttribute("href"));
    }

    [Fact]
    public void Before_any_scan_the_page_links_to_the_scan_page()
    {
        var page = Render<Reports>();

        var empty = page.WaitForElement("[data-testid=no-scan]", Wait);
        Assert.Equal("scan", empty.QuerySelector("a")!.GetAttribute("href"));
    }
}
