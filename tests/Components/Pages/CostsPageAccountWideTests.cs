using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

/// <summary>The /costs page over a cost source that measures untagged spend for the whole account only.</summary>
public sealed class CostsPageAccountWideTests : DashboardTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public CostsPageAccountWideTests() : base(configureServices: AccountWideCostSource.Register) =>
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private IRenderedComponent<Costs> RenderAt(string uri)
    {
        Navigation.NavigateTo(uri);
        var page = Render<Costs>();
        page.WaitForElement("[data-testid=untagged-by-tag]", Wait);
        return page;
    }

    [Fact]
    public async Task An_account_wide_measurement_says_account_wide_beside_the_figure_when_regions_are_filtered()
    {
        var result = await Services.GetRequiredService<ComplianceService>().GetResultAsync(ScanRequest.Default, CancellationToken.None);
        var accountWide = result.Allocation.Snapshot.UntaggedByTagKey.ToDictionary(u => u.TagKey, u => u.AccountCents);

        var page = RenderAt("/costs?regions=eu-west-1,us-east-1");

        var cells = page.FindAll("[data-testid=untagged-by-tag] tbody tr");
        Assert.NotEmpty(cells);
        Assert.All(cells, row =>
        {
            var figure = row.QuerySelector("td[data-column=measured] [data-cents]")!;
            Assert.Equal(accountWide[row.GetAttribute("data-key")!].ToString(System.Globalization.CultureInfo.InvariantCulture), figure.GetAttribute("data-cents"));
            Assert.Equal("account-wide", figure.QuerySelector("[data-testid=figure-caveat]")?.TextContent);
            Assert.EndsWith("account-wide", figure.GetAttribute("aria-label"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Without_a_region_filter_an_account_wide_measurement_needs_no_caveat()
    {
        await Services.GetRequiredService<ComplianceService>().GetResultAsync(ScanRequest.Default, CancellationToken.None);

        var page = RenderAt("/costs");

        Assert.Empty(page.FindAll("[data-testid=untagged-by-tag] [data-testid=figure-caveat]"));
    }
}
