using AngleSharp.Dom;
using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

/// <summary>The scan page over a source whose regions can be held mid-scan; ap-south-1 always fails.</summary>
public sealed class ScanPageTests() : DashboardTestContext(
    new Dictionary<string, string?> { ["FinOps:Sample:FailingRegions:0"] = "ap-south-1" },
    GatedRegionalSource.Register)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private GatedRegionalSource Gate => Services.GetRequiredService<GatedRegionalSource>();

    [Fact]
    public async Task Rows_change_state_as_the_job_advances_and_the_finished_job_links_to_its_result()
    {
        Gate.Hold("eu-west-1");
        var job = await Compliance.StartScanAsync(ScanRequest.Default with { ForceRefresh = true }, CancellationToken.None);
        await Gate.EnteredAsync("eu-west-1");

        var page = Render<Scan>(p => p.Add(x => x.JobId, job.Id));

        // While eu-west-1 is held, it is running and the job is too; the failing region is failed with its reason.
        page.WaitForAssertion(() =>
        {
            Assert.Equal("running", State(page, "eu-west-1"));
            Assert.Equal("failed", State(page, "ap-south-1"));
        }, Patience);
        Assert.Equal("running", page.Find("[data-testid=job-status]").TextContent.Trim());
        Assert.Contains("ap-south-1", Row(page, "ap-south-1").QuerySelector("[data-col=reason]")!.TextContent);
        Assert.NotNull(page.Find("[data-testid=cancel-scan]"));

        Gate.Release("eu-west-1");
        var result = await job.Completion;

        page.WaitForAssertion(() => Assert.Equal("succeeded", page.Find("[data-testid=job-status]").TextContent.Trim()), Patience);
        Assert.Equal("succeeded", State(page, "eu-west-1"));
        Assert.Equal(Expected.Count(job.Current.Regions.Single(r => r.Region == "eu-west-1").Resources), Row(page, "eu-west-1").QuerySelector("[data-col=resources]")!.TextContent.Trim());
        Assert.Equal("partial", page.Find("[data-testid=job-result-quality]").TextContent.Trim());
        Assert.Equal("?scan=" + result.ScanId, page.Find("[data-testid=job-result-link]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=cancel-scan]"));
    }

    [Fact]
    public async Task Two_pages_on_the_same_job_show_the_same_live_rows()
    {
        Gate.Hold("us-east-1");
        var job = await Compliance.StartScanAsync(ScanRequest.Default with { ForceRefresh = true }, CancellationToken.None);
        await Gate.EnteredAsync("us-east-1");

        var first = Render<Scan>(p => p.Add(x => x.JobId, job.Id));
        var second = Render<Scan>(p => p.Add(x => x.JobId, job.Id));
        first.WaitForAssertion(() => Assert.Equal("running", State(first, "us-east-1")), Patience);
        second.WaitForAssertion(() => Assert.Equal("running", State(second, "us-east-1")), Patience);

        Gate.Release("us-east-1");
        await job.Completion;

        first.WaitForAssertion(() => Assert.Equal("succeeded", first.Find("[data-testid=job-status]").TextContent.Trim()), Patience);
        second.WaitForAssertion(() => Assert.Equal("succeeded", second.Find("[data-testid=job-status]").TextContent.Trim()), Patience);
        Assert.Equal(States(first), States(second));
    }

    [Fact]
    public async Task Cancelling_ends_the_job_with_its_unfinished_regions_cancelled()
    {
        Gate.Hold("eu-central-1");
        var job = await Compliance.StartScanAsync(ScanRequest.Default with { ForceRefresh = true }, CancellationToken.None);
        await Gate.EnteredAsync("eu-central-1");
        var page = Render<Scan>(p => p.Add(x => x.JobId, job.Id));

        // Live progress re-renders the page, so the button is found again until the click lands on the current one.
        page.WaitForAssertion(() => page.Find("[data-testid=cancel-scan]").Click(), Patience);

        page.WaitForAssertion(() => Assert.Equal("cancelled", page.Find("[data-testid=job-status]").TextContent.Trim()), Patience);
        Assert.Equal("cancelled", State(page, "eu-central-1"));
        Assert.NotNull(page.Find("[data-testid=job-cancelled]"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion);
    }

    [Fact]
    public async Task Start_scan_starts_a_fresh_scan_of_every_region_and_goes_to_its_job()
    {
        var page = Render<Scan>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=start-scan]")), Patience);

        await page.Find("[data-testid=start-scan]").ClickAsync(new());

        var job = Assert.Single(Compliance.ListJobs());
        Assert.True(job.Request.ForceRefresh);
        Assert.Empty(job.Request.Regions);
        Assert.Equal("all", job.Request.Scope.TypesText);
        Assert.EndsWith("/scan/" + job.Id, Navigation.Uri);
        await job.Completion;
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=recent-scans] tbody tr")), Patience);
    }

    [Fact]
    public void An_unknown_job_id_is_reported()
    {
        var page = Render<Scan>(p => p.Add(x => x.JobId, "feedface"));

        Assert.Contains("feedface", page.Find("[data-testid=job-missing]").TextContent);
    }

    private static IElement Row(IRenderedComponent<Scan> page, string region) =>
        page.Find($"[data-testid=scan-rows] td[data-region='{region}']").ParentElement!;

    private static string State(IRenderedComponent<Scan> page, string region) =>
        Row(page, region).QuerySelector("[data-testid=region-status]")!.GetAttribute("data-status")!;

    private static string[] States(IRenderedComponent<Scan> page) =>
        [.. page.FindAll("[data-testid=scan-rows] tbody tr").Select(r => r.TextContent)];
}
