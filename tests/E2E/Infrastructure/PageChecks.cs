using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Infrastructure;

/// <summary>Checks and captures shared by page tests.</summary>
public static class PageChecks
{
    /// <summary>Whether the page is wider than the window (it must fit 1280 px without horizontal scrolling).</summary>
    public static Task<bool> HasHorizontalScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

    /// <summary>A full-page screenshot taken from the top (the app bar is fixed, so a scrolled page would draw it mid-page).</summary>
    public static async Task<string> ScreenshotFromTopAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        return await BrowserFixture.ScreenshotAsync(page, name);
    }
}
