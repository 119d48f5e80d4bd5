using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Infrastructure;

/// <summary>One headless Chromium (Debian's /usr/bin/chromium) shared by every E2E test of the assembly.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private readonly List<(string BaseUrl, IBrowserContext Context)> _contexts = [];

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots are written (under the test output).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>The laptop the dashboard is laid out for.</summary>
    public static ViewportSize Laptop { get; } = new() { Width = 1280, Height = 720 };

    /// <summary>A phone held upright (an iPhone 12–15's CSS pixels).</summary>
    public static ViewportSize Phone { get; } = new() { Width = 390, Height = 844 };

    /// <summary>A fresh page at laptop size (1280×720), with generous timeouts for a 2-core CI machine.</summary>
    public Task<IPage> NewPageAsync(string baseUrl) => NewPageAsync(baseUrl, Laptop);

    /// <summary>A fresh page with the given window size (a phone gets touch and its pixel density).</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, ViewportSize viewport)
    {
        ArgumentNullException.ThrowIfNull(viewport);
        await CloseContextsOfOtherAppsAsync(baseUrl);
        var phone = viewport.Width < 600;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = viewport,
            IsMobile = phone,
            HasTouch = phone,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(60_000);
        lock (_contexts)
        {
            _contexts.Add((baseUrl, context));
        }

        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes the pages of apps other than <paramref name="baseUrl"/>. Tests of the browser collection run one at a time
    /// and each starts its own app, so those pages belong to finished tests; left open, each keeps a renderer busy
    /// reconnecting to an app that is gone, which loads the machine for every later test.
    /// </summary>
    private async Task CloseContextsOfOtherAppsAsync(string baseUrl)
    {
        List<IBrowserContext> finished;
        lock (_contexts)
        {
            finished = [.. _contexts.Where(c => c.BaseUrl != baseUrl).Select(c => c.Context)];
            _contexts.RemoveAll(c => c.BaseUrl != baseUrl);
        }

        foreach (var context in finished)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already closed with its browser or by the test itself.
            }
        }
    }

    /// <summary>
    /// Opens a page and waits until its Blazor circuit is interactive (the layout says so), so clicks are never lost on
    /// the prerendered HTML of a slow machine.
    /// </summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
    }

    /// <summary>
    /// Clicks <paramref name="target"/> until the page's address satisfies <paramref name="arrived"/>. A click that lands
    /// while Blazor re-renders the element is lost (its event handler was just replaced), so on a loaded machine one click
    /// does not always navigate; each attempt waits generously before the next.
    /// </summary>
    public static async Task ClickUntilAtAsync(IPage page, ILocator target, Func<string, bool> arrived, int attempts = 4)
    {
        for (var attempt = 1; !arrived(page.Url); attempt++)
        {
            try
            {
                await target.ClickAsync(new() { Timeout = 15_000 });
                await page.WaitForURLAsync(url => arrived(url), new() { Timeout = 30_000 });
            }
            catch (TimeoutException) when (attempt < attempts && !arrived(page.Url))
            {
                // Not there yet: click again (a scan of the same scope that did start is joined, not doubled).
            }
        }
    }

    /// <summary>Waits until the current page's circuit is interactive.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator(".mud-layout[data-interactive=true]").WaitForAsync();

    /// <summary>Saves a full-page screenshot named after the scene.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
