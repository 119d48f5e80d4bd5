using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class OverviewTests : DashboardTestContext
{
    [Fact]
    public async Task Overview_shows_the_scans_score_counts_and_one_row_per_region()
    {
        var compliance = Services.GetRequiredService<ComplianceService>();
        var expected = await compliance.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        var page = Render<Overview>();
        page.WaitForElement("[data-testid=region-table]", TimeSpan.FromSeconds(30));

        Assert.Equal($"{expected.Summary.Score * 100:0.0}%", page.Find("[data-testid=overall-score]").TextContent.Trim());
        Assert.Equal(expected.Summary.InScope.ToString("#,##0"), page.Find("[data-testid=in-scope]").TextContent.Trim());
        Assert.Equal(expected.Summary.Compliant.ToString("#,##0"), page.Find("[data-testid=compliant]").TextContent.Trim());
        Assert.Equal(expected.Regions.Length, page.FindAll("[data-testid=region-table] tbody tr").Count);
    }
}
