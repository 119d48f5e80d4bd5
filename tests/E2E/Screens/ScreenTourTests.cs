using FinOps.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Screens;

/// <summary>
/// The pages a FinOps lead opens first, on a laptop and on a phone: each is captured (screenshots under the test
/// output, <c>tour-{width}-{page}.png</c>) once its content is on screen, and none is wider than the window.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenTourTests(BrowserFixture browser) : IDisposable
{
    private readonly FinOpsAppHost _app = FinOpsAppHost.Start();

    public static TheoryData<int> Widths => [1280, 390];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Every_main_page_fits_the_window_and_is_captured(int width)
    {
        var page = await browser.NewPageAsync(_app.BaseUrl, width == 1280 ? BrowserFixture.Laptop : BrowserFixture.Phone);

        (string Path, string Name, string Ready)[] stops =
        [
            ("/", "overview", "[data-testid=gap-chart] .apexcharts-bar-area"),
            ("/violations", "violations", "[data-testid=violations-grid] [data-testid=violation-arn]"),
            ("/owners", "owners", "[data-testid=owners-table] [data-col=owner]"),
            ("/costs", "costs", "[data-testid=gap-by-region]"),
            ("/regions", "regions", "[data-testid=region-index] td[data-region]"),
            ("/scan", "scan", "[data-testid=recent-scans]"),
        ];
        foreach (var (path, name, ready) in stops)
        {
            await BrowserFixture.OpenAsync(page, path);
            await page.Locator(ready).First.WaitForAsync(new() { Timeout = 60_000 });
            await PageChecks.ScreenshotFromTopAsync(page, $"tour-{width}-{name}");
            Assert.False(await PageChecks.HasHorizontalScrollAsync(page), $"{path} fits {width} px without horizontal scrolling");
        }
    }

    [Fact]
    public async Task The_pdf_report_of_the_whole_account_is_captured_page_by_page()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/");
        await page.GetByTestId("region-table").WaitForAsync(new() { Timeout = 60_000 });

        var response = await page.APIRequest.GetAsync("/api/reports/regions?format=pdf");
        Assert.True(response.Ok, $"the report downloads ({response.Status})");
        var pdfPath = Path.Combine(BrowserFixture.ScreenshotFolder, "tour-report.pdf");
        await File.WriteAllBytesAsync(pdfPath, await response.BodyAsync());

        var text = await Reports.PopplerTools.TextAsync(pdfPath);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Length;
        for (var number = 1; number <= Math.Min(pages, 4); number++)
        {
            var png = await Reports.PopplerTools.RenderPageAsync(pdfPath, number, Path.Combine(BrowserFixture.ScreenshotFolder, $"tour-report-page{number}"));
            Assert.True(new FileInfo(png).Length > 1000, $"page {number} renders");
        }

        Assert.Contains("Where to start fixing", text);
        Assert.DoesNotContain("UnblendedCost", text);
    }

    public void Dispose() => _app.Dispose();
}
