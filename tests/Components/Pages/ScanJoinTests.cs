using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

/// <summary>The scan page while a scan of every region is held mid-way (us-east-1 waits for the test).</summary>
public sealed class ScanJoinTests() : DashboardTestContext(configureServices: GatedRegionalSource.Register)
{
    private GatedRegionalSource Gate => Services.GetRequiredService<GatedRegionalSource>();

    [Fact]
    public async Task Starting_the_scope_of_the_running_scan_joins_it_and_says_so()
    {
        Gate.Hold("us-east-1");
        var running = await Compliance.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        await Gate.EnteredAsync("us-east-1");
        var page = Render<Scan>();
        page.WaitForElement("[data-testid=start-scan]", PageTestExtensions.Patience);

        await page.InvokeAsync(() => page.Find("[data-testid=start-scan]").Click());

        page.WaitForAssertion(() => Assert.EndsWith("/scan/" + running.Id, Navigation.Uri, StringComparison.Ordinal), PageTestExtensions.Patience);
        Assert.Single(Compliance.ListJobs(), j => !j.IsFinished);
        page.Render(p => p.Add(x => x.JobId, running.Id));
        page.WaitForAssertion(() => Assert.Contains("already running", page.Find("[data-testid=scan-joined]").TextContent), PageTestExtensions.Patience);
        Gate.Release("us-east-1");
        await running.Completion;
    }

    [Fact]
    public async Task The_progress_says_how_many_of_the_scans_regions_are_done()
    {
        Gate.Hold("us-east-1");
        var job = await Compliance.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        await Gate.EnteredAsync("us-east-1");

        var page = Render<Scan>(p => p.Add(x => x.JobId, job.Id));

        var total = job.Current.Regions.Length;
        page.WaitForAssertion(() => Assert.Equal($"{total - 1} of {total} regions done", page.Find("[data-testid=job-regions-done]").TextContent.Trim()),
            PageTestExtensions.Patience);
        Gate.Release("us-east-1");
        await job.Completion;
        page.WaitForAssertion(() => Assert.Equal($"{total} of {total} regions done", page.Find("[data-testid=job-regions-done]").TextContent.Trim()),
            PageTestExtensions.Patience);
    }
}
