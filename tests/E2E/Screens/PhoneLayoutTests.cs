using FinOps.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Screens;

/// <summary>The dashboard on a phone held upright (390 px): nothing out of reach, money in view, scrolling tables say so.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture browser) : IDisposable
{
    private const string MoreMenu = "More: account, data, theme and sign-in";

    private readonly FinOpsAppHost _app = FinOpsAppHost.Start(new Dictionary<string, string?>
    {
        ["FinOps:Sample:Size"] = "1500",
        ["FinOps:Sample:LatencyMilliseconds"] = "0",
        ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
    });

    [Fact]
    public async Task On_a_phone_every_app_bar_control_is_reachable_through_the_more_menu()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl, BrowserFixture.Phone);
        await BrowserFixture.OpenAsync(page, "/");
        await page.GetByTestId("region-table").WaitForAsync(new() { Timeout = 60_000 });

        // Nothing in the bar sticks out of the window.
        var outside = await page.Locator("header.mud-appbar button:visible, header.mud-appbar .mud-chip:visible, header.mud-appbar .finops-product")
            .EvaluateAllAsync<string[]>("els => els.filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; }).map(e => e.outerHTML.slice(0, 80))");
        Assert.Empty(outside);
        await Assertions.Expect(page.GetByTestId("data-quality")).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = MoreMenu }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("menu-source")).ToContainTextAsync("Sample account");
        await Assertions.Expect(page.GetByTestId("menu-freshness")).ToContainTextAsync("As of ");
        await Assertions.Expect(page.GetByTestId("menu-local-mode")).ToContainTextAsync("Local mode · no sign-in");
        await PageChecks.ScreenshotFromTopAsync(page, "phone-appbar-menu");

        await page.GetByTestId("menu-data-quality").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("regions scanned successfully");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = MoreMenu }).ClickAsync();
        await page.GetByTestId("menu-theme").ClickAsync();
        await page.WaitForFunctionAsync("() => localStorage.getItem('finops-theme') === 'dark'");
        await page.GetByRole(AriaRole.Button, new() { Name = MoreMenu }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("menu-theme")).ToContainTextAsync("Switch to light theme");
    }

    [Fact]
    public async Task On_a_laptop_the_controls_sit_in_the_bar_and_there_is_no_more_menu()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/");
        await page.GetByTestId("region-table").WaitForAsync(new() { Timeout = 60_000 });

        await Assertions.Expect(page.GetByTestId("data-quality")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("local-mode-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = MoreMenu })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task On_a_phone_the_violations_cost_column_stays_in_view_while_the_grid_scrolls()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl, BrowserFixture.Phone);
        await BrowserFixture.OpenAsync(page, "/violations");
        var cost = page.GetByTestId("violations-grid").Locator("tbody tr").First.Locator("td.finops-cost-col");
        await cost.WaitForAsync(new() { Timeout = 60_000 });

        Assert.True(await InViewAsync(cost), "the first row's cost is in the window");
        await page.GetByTestId("violations-grid").Locator(".mud-table-container").EvaluateAsync("c => c.scrollLeft = c.scrollWidth / 2");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=violations-grid] .mud-table-container').scrollLeft > 0");
        Assert.True(await InViewAsync(cost), "the cost stays in the window while the grid scrolls");
        await PageChecks.ScreenshotFromTopAsync(page, "phone-violations-scrolled");
    }

    [Fact]
    public async Task On_a_phone_a_table_wider_than_the_window_shows_it_scrolls()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl, BrowserFixture.Phone);
        await BrowserFixture.OpenAsync(page, "/");
        var container = page.GetByTestId("region-table").Locator(".mud-table-container");
        await container.WaitForAsync(new() { Timeout = 60_000 });

        Assert.True(await container.EvaluateAsync<bool>("c => c.scrollWidth > c.clientWidth"), "the region table is wider than a phone");
        var background = await container.EvaluateAsync<string>("c => getComputedStyle(c).backgroundImage");
        Assert.Contains("radial-gradient", background);
        Assert.Contains("linear-gradient", background);
    }

    private static Task<bool> InViewAsync(ILocator element) =>
        element.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth; }");

    public void Dispose() => _app.Dispose();
}
