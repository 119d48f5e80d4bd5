using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Controls;
using FinOps.Web.Components.Layout;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class OverviewWhileScanningTests() : DashboardTestContext(configureServices: GatedRegionalSource.Register)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private GatedRegionalSource Gate => Services.GetRequiredService<GatedRegionalSource>();

    [Fact]
    public async Task While_the_first_scan_runs_the_overview_shows_its_progress_and_fills_in_when_it_lands()
    {
        Gate.Hold("us-east-1");
        var job = await Compliance.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        await Gate.EnteredAsync("us-east-1");

        var page = Render<Overview>();
        var status = Render<ResultStatus>();

        var progress = page.Find("[data-testid=scan-progress-summary]");
        Assert.Equal("scan/" + job.Id, progress.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("No scan yet", status.Find("[data-testid=data-freshness]").TextContent.Trim());

        Gate.Release("us-east-1");
        var result = await job.Completion;

        page.WaitForAssertion(() => Assert.Equal(Expected.Count(result.Summary.Violations), page.Find("[data-testid=violations]").TextContent.Trim()), Patience);
        status.WaitForAssertion(() => Assert.StartsWith("As of", status.Find("[data-testid=data-freshness]").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task A_one_region_rescan_updates_that_region_on_the_overview_without_a_reload_and_keeps_the_others()
    {
        var first = await ScanAsync();
        var page = Render<Overview>();
        Assert.Contains($"{first.Regions.Length - 1} regions and global", page.Find("[data-testid=result-scope]").TextContent);

        var second = await ScanAsync(new ScanRequest(["all"], ["eu-west-1"], forceRefresh: true));
        var state = Compliance.LatestResult!;

        Assert.Equal(second.ScanId, state.ScanId);
        page.WaitForAssertion(() => Assert.Equal(second.ScanId, page.FindComponent<ResultView>().Instance.Result?.ScanId), Patience);
        Assert.Contains($"{first.Regions.Length - 1} regions and global", page.Find("[data-testid=result-scope]").TextContent);
        Assert.Equal(Expected.Count(state.Summary.Violations), page.Find("[data-testid=violations]").TextContent.Trim());
        OverviewTests.AssertRegionRows(page, state);
    }

    [Fact]
    public async Task When_the_only_scan_was_cancelled_the_overview_says_so_and_offers_another()
    {
        Gate.Hold("eu-west-1");
        var job = await Compliance.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        await Gate.EnteredAsync("eu-west-1");
        var page = Render<Overview>();

        job.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion);

        page.WaitForAssertion(() => Assert.Contains("cancelled", page.Find("[data-testid=result-error]").TextContent), Patience);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "scan");
    }
}
