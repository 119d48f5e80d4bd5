using Bunit;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;

namespace FinOps.Tests.Components.Pages;

public sealed class OverviewTargetMissedTests : DashboardTestContext
{
    [Fact]
    public async Task A_score_far_below_the_default_90_percent_target_reads_as_missed()
    {
        var result = await ScanAsync();
        Assert.True(result.Summary.ScorePercent < 80, "the sample account is well below target");

        var page = Render<Overview>();

        Assert.Equal("error", page.Find("[data-testid=overall-score]").GetAttribute("data-color"));
        Assert.Equal("Below the 90.0% target", page.Find("[data-testid=score-target]").TextContent.Trim());
    }
}
