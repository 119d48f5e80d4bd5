using Bunit;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;

namespace FinOps.Tests.Components.Pages;

public sealed class OverviewTargetMetTests() : DashboardTestContext(new Dictionary<string, string?> { ["FinOps:Dashboard:TargetScore"] = "10" })
{
    [Fact]
    public async Task A_score_at_or_above_the_target_score_setting_reads_as_met()
    {
        await ScanAsync();

        var page = Render<Overview>();

        Assert.Equal("success", page.Find("[data-testid=overall-score]").GetAttribute("data-color"));
        Assert.Equal("Meets the 10.0% target", page.Find("[data-testid=score-target]").TextContent.Trim());
    }
}
