using System.Globalization;
using System.Text.RegularExpressions;
using FinOps.Domain.Policy;
using FinOps.Tests.E2E.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Policy;

[Collection(BrowserCollection.Name)]
public sealed class PolicyEditTests(BrowserFixture browser) : IDisposable
{
    private readonly FinOpsAppHost _app = FinOpsAppHost.Start();

    [Fact]
    public async Task Dropping_a_required_tag_in_the_editor_raises_the_score_on_the_overview()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await page.GotoAsync("/");
        var score = page.GetByTestId("overall-score");
        await score.WaitForAsync(new() { Timeout = 60_000 });
        var before = Percent(await score.InnerTextAsync());

        await page.GotoAsync("/policy");
        await page.GetByTestId("policy-tags").WaitForAsync();
        await PageChecks.ScreenshotFromTopAsync(page, "policy");
        await OpenTabAsync(page, "Edit");
        var current = await _app.Services.GetRequiredService<PolicyService>().GetPolicyAsync(CancellationToken.None);
        var edited = current with { RequiredTags = [.. current.RequiredTags.Where(t => t.Key != "Owner")] };
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Policy JSON" }).FillAsync(TaggingPolicyJson.Serialize(edited));
        await Assertions.Expect(page.GetByTestId("policy-valid")).ToContainTextAsync(edited.ShortHash);
        await Assertions.Expect(page.GetByTestId("policy-change")).ToContainTextAsync("Owner");
        Assert.False(await PageChecks.HasHorizontalScrollAsync(page), "the policy editor fits 1280 px without horizontal scrolling");
        await PageChecks.ScreenshotFromTopAsync(page, "policy-edit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("policy-saved")).ToContainTextAsync(edited.ShortHash);
        await Assertions.Expect(page.GetByTestId("policy-rescan")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 60_000 });
        await PageChecks.ScreenshotFromTopAsync(page, "policy-saved");

        await page.GetByRole(AriaRole.Link, new() { Name = "See the overview" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/(\?.*)?$"));
        await Assertions.Expect(page.GetByTestId("overall-score")).Not.ToHaveTextAsync(FormatPercent(before), new() { Timeout = 60_000 });
        var after = Percent(await page.GetByTestId("overall-score").InnerTextAsync());
        Assert.True(after > before, $"the score rose ({before}% → {after}%)");
    }

    [Fact]
    public async Task A_broken_pattern_is_shown_inline_while_typing_and_save_stays_disabled()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await page.GotoAsync("/policy");
        await page.GetByTestId("policy-tags").WaitForAsync();
        await OpenTabAsync(page, "Edit");
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Policy JSON" });
        var json = await editor.InputValueAsync();

        await editor.FillAsync(json.Replace("[a-z][a-z0-9-]{1,39}", "[a-z", StringComparison.Ordinal));

        var error = page.GetByTestId("policy-error");
        await Assertions.Expect(error).ToHaveCountAsync(1);
        await Assertions.Expect(error).ToContainTextAsync("Application");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save policy" })).ToBeDisabledAsync();
        await PageChecks.ScreenshotFromTopAsync(page, "policy-invalid");
    }

    /// <summary>
    /// Opens a tab once the page is interactive: the first HTML is rendered on the server before the circuit starts,
    /// and a click that lands before then does nothing, so click until the tab says it is selected.
    /// </summary>
    private static async Task OpenTabAsync(IPage page, string name)
    {
        var tab = page.GetByRole(AriaRole.Tab, new() { Name = name });
        for (var attempt = 0; ; attempt++)
        {
            await tab.ClickAsync();
            try
            {
                await Assertions.Expect(tab).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 1_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 30)
            {
            }
        }
    }

    private static double Percent(string text) => double.Parse(text.Trim().TrimEnd('%'), CultureInfo.InvariantCulture);

    private static string FormatPercent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public void Dispose() => _app.Dispose();
}
