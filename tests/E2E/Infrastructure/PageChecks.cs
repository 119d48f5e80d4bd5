using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Infrastructure;

/// <summary>Checks and captures shared by page tests.</summary>
public static class PageChecks
{
    // The axis labels of a chart not drawn in a light colour (relative luminance at most 0.6), as "text: colour";
    // null while the chart has no labels yet.
    private const string DarkAxisLabels =
        """
        selector => {
            const labels = [...document.querySelectorAll(selector)];
            const luminance = colour => {
                const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? [0, 0, 0]).map(Number);
                return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
            };
            return labels.length === 0 ? null : labels
                .filter(l => luminance(getComputedStyle(l).fill) <= 0.6)
                .map(l => `${(l.querySelector("tspan") ?? l).textContent}: ${getComputedStyle(l).fill}`);
        }
        """;

    /// <summary>Whether the page is wider than the window (it must fit 1280 px without horizontal scrolling).</summary>
    public static Task<bool> HasHorizontalScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

    /// <summary>
    /// The axis labels of a chart that are not light, once the chart has settled on light labels (the dark theme) or,
    /// if it never does, the labels left dark after a wait: empty when the chart is drawn for the dark theme.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxisLabelsNotLightAsync(IPage page, string chartTestId)
    {
        var labels = $"[data-testid='{chartTestId}'] .apexcharts-xaxis-label, [data-testid='{chartTestId}'] .apexcharts-yaxis-label";
        try
        {
            await page.WaitForFunctionAsync($"selector => {{ const dark = ({DarkAxisLabels})(selector); return dark !== null && dark.length === 0; }}",
                labels, new PageWaitForFunctionOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // What stayed dark is returned for the assertion to show.
        }

        return await page.EvaluateAsync<string[]?>(DarkAxisLabels, labels) ?? ["(the chart has no axis labels)"];
    }

    /// <summary>
    /// The category labels beside a horizontal bar chart's bars, top to bottom, as drawn (an ApexCharts-trimmed label
    /// ends in "..."); a label not wholly inside the chart's drawing is marked "(cut off)".
    /// </summary>
    public static async Task<IReadOnlyList<string>> CategoryLabelsAsync(IPage page, string chartTestId) =>
        await page.Locator($"[data-testid='{chartTestId}'] .apexcharts-yaxis-label").EvaluateAllAsync<string[]>(
            """
            labels => labels.map(l => {
                let svg = l.ownerSVGElement;
                while (svg.ownerSVGElement) svg = svg.ownerSVGElement;
                const chart = svg.getBoundingClientRect();
                const box = l.getBoundingClientRect();
                const inside = box.left >= chart.left && box.right <= chart.right && box.top >= chart.top && box.bottom <= chart.bottom;
                return (l.querySelector("tspan") ?? l).textContent + (inside ? "" : " (cut off)");
            })
            """);

    /// <summary>A full-page screenshot taken from the top (the app bar is fixed, so a scrolled page would draw it mid-page).</summary>
    public static async Task<string> ScreenshotFromTopAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        return await BrowserFixture.ScreenshotAsync(page, name);
    }
}
