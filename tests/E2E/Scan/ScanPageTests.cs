using System.Text.RegularExpressions;
using FinOps.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Scan;

[Collection(BrowserCollection.Name)]
public sealed class ScanPageTests(BrowserFixture browser) : IDisposable
{
    // One region fails every listing; one is slow, so a second tab can join the job while it runs.
    private readonly FinOpsAppHost _app = FinOpsAppHost.Start(new Dictionary<string, string?>
    {
        ["FinOps:Dashboard:ScanOnStartup"] = "false",
        ["FinOps:Sample:FailingRegions:0"] = "ap-south-1",
        ["FinOps:Sample:SlowRegions:0"] = "eu-north-1",
        ["FinOps:Sample:SlowRegionLatencyMilliseconds"] = "3000",
    });

    [Fact]
    public async Task A_scan_marks_the_failing_region_failed_with_its_reason_the_rest_succeed_and_a_second_tab_sees_the_same_job()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/");
        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "overview-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a scan" }).ClickAsync();

        await BrowserFixture.ClickUntilAtAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Start scan" }),
            url => Regex.IsMatch(url, @"/scan/[0-9a-f]{32}$"));
        var jobUrl = page.Url;

        // A second tab opening the same job sees it live: the slow region is still at work.
        var second = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(second, jobUrl);
        await Assertions.Expect(second.GetByTestId("job-status")).ToHaveTextAsync("running");
        await Assertions.Expect(Row(second, "eu-north-1").Locator("[data-testid=region-status]")).ToHaveAttributeAsync("data-status", new Regex("queued|running|retrying"));
        await BrowserFixture.ScreenshotAsync(second, "scan-running");

        await Assertions.Expect(page.GetByTestId("job-status")).ToHaveTextAsync("succeeded", new() { Timeout = 60_000 });
        var failed = Row(page, "ap-south-1");
        await Assertions.Expect(failed.Locator("[data-testid=region-status]")).ToHaveAttributeAsync("data-status", "failed");
        Assert.False(string.IsNullOrWhiteSpace(await failed.Locator("[data-col=reason]").InnerTextAsync()), "the failed region says why");
        var states = await page.Locator("[data-testid=scan-rows] tbody [data-testid=region-status]").EvaluateAllAsync<string[]>("chips => chips.map(c => c.dataset.status)");
        Assert.Equal(1, states.Count(s => s == "failed"));
        Assert.All(states.Where(s => s != "failed"), s => Assert.Equal("succeeded", s));
        await Assertions.Expect(page.GetByTestId("job-result-quality")).ToHaveTextAsync("partial");
        Assert.False(await PageChecks.HasHorizontalScrollAsync(page), "the scan page fits 1280 px without horizontal scrolling");
        await BrowserFixture.ScreenshotAsync(page, "scan-finished");

        // The second tab followed the same job to the same end.
        await Assertions.Expect(second.GetByTestId("job-status")).ToHaveTextAsync("succeeded");
        Assert.Equal(
            await page.Locator("[data-testid=scan-rows] tbody tr").AllInnerTextsAsync(),
            await second.Locator("[data-testid=scan-rows] tbody tr").AllInnerTextsAsync());

        // The result's overview says partial and shows the failed region with its reason.
        await page.GetByTestId("job-result-link").ClickAsync();
        await page.GetByTestId("region-table").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("data-quality")).ToContainTextAsync("partial");
        await Assertions.Expect(page.Locator("[data-testid=region-table] td[data-region=ap-south-1]").Locator("xpath=..").GetByTestId("failure-reason")).Not.ToBeEmptyAsync();
        await BrowserFixture.ScreenshotAsync(page, "overview-partial");
    }

    private static ILocator Row(IPage page, string region) =>
        page.Locator($"[data-testid=scan-rows] tbody tr:has(td[data-region='{region}'])");

    public void Dispose() => _app.Dispose();
}
