using FinOps.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Auth;

/// <summary>Without sign-in the app says so on every page, and its security headers do not get in the way of the pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LocalModeTests(BrowserFixture browser) : IDisposable
{
    private static readonly string[] Pages = ["/", "/regions", "/costs", "/reports", "/scan"];

    private readonly FinOpsAppHost _app = FinOpsAppHost.Start(new Dictionary<string, string?>
    {
        ["FinOps:Sample:Size"] = "800",
        ["FinOps:Sample:LatencyMilliseconds"] = "0",
        ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
    });

    [Fact]
    public async Task Every_page_shows_the_local_mode_banner_and_no_page_breaks_its_content_security_policy()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Refused to load ' + e.blockedURI + ' (' + e.violatedDirective + ')'));");

        foreach (var path in Pages)
        {
            await BrowserFixture.OpenAsync(page, path);
            await Assertions.Expect(page.GetByTestId("local-mode-banner")).ToHaveTextAsync("Local mode · no sign-in");
        }

        // Charts (ApexCharts) and MudBlazor's themed components render under the policy.
        await BrowserFixture.OpenAsync(page, "/");
        await page.Locator(".apexcharts-canvas").Nth(1).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "local-mode-banner");
        Assert.Empty(violations);
    }

    public void Dispose() => _app.Dispose();
}
