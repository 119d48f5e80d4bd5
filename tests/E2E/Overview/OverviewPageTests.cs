using System.Text.RegularExpressions;
using FinOps.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Overview;

[Collection(BrowserCollection.Name)]
public sealed class OverviewPageTests(BrowserFixture browser) : IDisposable
{
    private readonly FinOpsAppHost _app = FinOpsAppHost.Start();

    [Fact]
    public async Task A_new_user_sees_the_headlines_both_charts_and_the_region_table()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);

        await BrowserFixture.OpenAsync(page, "/");
        var table = page.GetByTestId("region-table");
        await table.WaitForAsync();
        await page.Locator(".apexcharts-canvas").Nth(1).WaitForAsync();

        Assert.Contains("Sample account", await page.GetByTestId("active-source").InnerTextAsync());
        Assert.Matches(@"^\d{1,3}\.\d%$", (await page.GetByTestId("overall-score").InnerTextAsync()).Trim());
        Assert.Matches(@"^\$[\d,]+\.\d\d$", (await page.GetByTestId("gap").InnerTextAsync()).Trim());
        Assert.Equal(2, await page.Locator(".apexcharts-canvas").CountAsync());
        Assert.True(await table.Locator("tbody tr").CountAsync() >= 17, "every enabled region has a row");
        Assert.Equal(10, await page.GetByTestId("top-offenders").Locator("tbody tr").CountAsync());
        Assert.StartsWith("As of ", await page.GetByTestId("data-freshness").InnerTextAsync());
        Assert.False(await PageChecks.HasHorizontalScrollAsync(page), "the overview fits 1280 px without horizontal scrolling");

        // Every region is named in full beside its bar (ap-southeast-1 and ap-southeast-2 differ only at the end).
        var regions = await table.Locator("td[data-region]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.region)");
        Assert.Equal(regions.Order(StringComparer.Ordinal), (await PageChecks.CategoryLabelsAsync(page, "gap-chart")).Order(StringComparer.Ordinal));
        var scored = await PageChecks.CategoryLabelsAsync(page, "score-chart");
        Assert.All(scored, label => Assert.Contains(label, regions));
        Assert.Equal(scored.Distinct(), scored);
        await BrowserFixture.ScreenshotAsync(page, "overview");
    }

    [Fact]
    public async Task Filtering_to_two_regions_changes_every_headline_and_puts_the_regions_in_the_url()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/");
        await page.GetByTestId("region-table").WaitForAsync();
        var allSpend = await page.GetByTestId("total-spend").InnerTextAsync();
        var allGap = await page.GetByTestId("gap").InnerTextAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Region filter" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "eu-west-1 (Ireland)" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?regions=eu-west-1$"));
        await page.GetByRole(AriaRole.Option, new() { Name = "us-east-1 (N. Virginia)" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?regions=eu-west-1,us-east-1$"));
        await page.Keyboard.PressAsync("Escape");

        var rows = page.GetByTestId("region-table").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        Assert.NotEqual(allSpend, await page.GetByTestId("total-spend").InnerTextAsync());
        Assert.NotEqual(allGap, await page.GetByTestId("gap").InnerTextAsync());
        Assert.Equal(["eu-west-1", "us-east-1"], await rows.Locator("td[data-region]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.region)"));
        await BrowserFixture.ScreenshotAsync(page, "overview-filtered");

        // The filter travels with navigation and survives a reload (bookmarkable).
        await page.GetByRole(AriaRole.Link, new() { Name = "Violations", Exact = true }).First.WaitForAsync();
        Assert.EndsWith("violations?regions=eu-west-1,us-east-1",
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Violations" }).GetAttributeAsync("href"));
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("region-table").Locator("tbody tr")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task The_data_quality_badge_opens_the_details_and_a_region_bar_opens_the_region_view()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/");
        await page.GetByTestId("region-table").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Data quality: ") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("regions scanned successfully");
        await BrowserFixture.ScreenshotAsync(page, "data-quality-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // A bar starts at 0, left of an axis that starts higher: the click goes where the bar shows, near its end.
        // The chart is drawn once its value labels are (they follow the bars).
        await page.Locator("[data-testid=score-chart] .apexcharts-datalabel").First.WaitForAsync();
        var first = page.Locator("[data-testid=score-chart] .apexcharts-bar-area").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await ClickBarUntilItNavigatesAsync(page, first, new Regex(@"/regions/[a-z]{2}-[a-z]+-\d$"));
        await page.GetByTestId("type-table").WaitForAsync();
        Assert.True(await page.GetByTestId("missing-tags").Locator("tbody tr").CountAsync() >= 1);
        Assert.False(await PageChecks.HasHorizontalScrollAsync(page), "the region view fits 1280 px without horizontal scrolling");
        await BrowserFixture.ScreenshotAsync(page, "region-view");
    }

    [Fact]
    public async Task The_regions_index_lists_every_region_and_an_unknown_region_says_so()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/regions");
        await page.GetByTestId("region-index").Locator("td[data-col=opt-in]").First.WaitForAsync();
        Assert.False(await PageChecks.HasHorizontalScrollAsync(page), "the regions index fits 1280 px without horizontal scrolling");
        await BrowserFixture.ScreenshotAsync(page, "regions");

        await BrowserFixture.OpenAsync(page, "/regions/xx-nowhere-9");
        await Assertions.Expect(page.GetByTestId("scope-error")).ToContainTextAsync("'xx-nowhere-9' (not a region of this account)");
    }

    [Fact]
    public async Task The_dark_theme_is_remembered_across_visits_and_charts_are_drawn_in_it()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/");
        await page.GetByTestId("region-table").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark theme" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ReloadAsync();
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("region-table").WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark theme" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Locator(".apexcharts-canvas").Nth(1).WaitForAsync();

        // The theme is read from the browser after the charts' first (light) draw; the dark draw must be what stays.
        Assert.Empty(await PageChecks.AxisLabelsNotLightAsync(page, "score-chart"));
        Assert.Empty(await PageChecks.AxisLabelsNotLightAsync(page, "gap-chart"));
        await BrowserFixture.ScreenshotAsync(page, "overview-dark");

        await BrowserFixture.OpenAsync(page, "/costs");
        await page.ReloadAsync();
        await BrowserFixture.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=waterfall-chart] .apexcharts-canvas").WaitForAsync();
        Assert.Empty(await PageChecks.AxisLabelsNotLightAsync(page, "waterfall-chart"));
        await BrowserFixture.ScreenshotAsync(page, "costs-dark");
    }

    public void Dispose() => _app.Dispose();

    /// <summary>
    /// Clicks near the end of <paramref name="bar"/> until the page navigates: the chart may redraw (resize, a late
    /// update) between measuring the bar and the click, which leaves the bar without a box or the click on nothing.
    /// </summary>
    private static async Task ClickBarUntilItNavigatesAsync(IPage page, ILocator bar, Regex destination)
    {
        for (var attempt = 1; ; attempt++)
        {
            var box = await bar.BoundingBoxAsync();
            if (box is not null)
            {
                await page.Mouse.ClickAsync(box.X + box.Width - 6, box.Y + box.Height / 2);
                try
                {
                    await page.WaitForURLAsync(destination, new() { Timeout = 10_000 });
                    return;
                }
                catch (TimeoutException) when (attempt < 5)
                {
                }
            }
            else if (attempt >= 5)
            {
                throw new InvalidOperationException("The bar never had a box to click.");
            }

            await Task.Delay(500);
        }
    }
}
