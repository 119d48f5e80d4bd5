using FinOps.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Overview;

[Collection(BrowserCollection.Name)]
public sealed class OverviewPageTests(BrowserFixture browser) : IDisposable
{
    private readonly FinOpsAppHost _app = FinOpsAppHost.Start();

    [Fact]
    public async Task A_new_user_sees_the_sample_accounts_score_and_region_table()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);

        await page.GotoAsync("/");
        var table = page.GetByTestId("region-table");
        await table.WaitForAsync();

        Assert.Contains("Sample account", await page.GetByTestId("active-source").InnerTextAsync());
        Assert.Matches(@"^\d{1,3}\.\d%$", (await page.GetByTestId("overall-score").InnerTextAsync()).Trim());
        Assert.True(await table.Locator("tbody tr").CountAsync() >= 17, "every enabled region has a row");
        await BrowserFixture.ScreenshotAsync(page, "overview");
    }

    public void Dispose() => _app.Dispose();
}
