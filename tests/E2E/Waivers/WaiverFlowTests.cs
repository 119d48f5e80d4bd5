using System.Text.RegularExpressions;
using FinOps.Domain.Scanning;
using FinOps.Tests.E2E.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Waivers;

/// <summary>
/// The waiver flow in a browser (local mode: one person, so self-approval is allowed for this app): request a waiver for
/// the costliest offender's violations on /violations, approve it on /waivers, and see the overall score rise, the
/// waived spend appear on the overview, and the violations carry "waived until …".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WaiverFlowTests(BrowserFixture browser) : IDisposable
{
    private readonly FinOpsAppHost _app = FinOpsAppHost.Start(new Dictionary<string, string?>
    {
        ["FinOps:Waivers:AllowSelfApproval"] = "true",
    });

    [Fact]
    public async Task A_waiver_requested_on_violations_and_approved_on_waivers_changes_the_score_and_badges_the_rows()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/");
        var score = page.GetByTestId("overall-score");
        await score.WaitForAsync(new() { Timeout = 60_000 });
        var before = (await score.InnerTextAsync()).Trim();
        var compliance = _app.Services.GetRequiredService<ComplianceService>();
        var scoreBefore = compliance.LatestResult!.Summary.Score;

        // Every row of the first page: the costliest offenders (enough of them that the score moves at one decimal).
        await BrowserFixture.OpenAsync(page, "/violations");
        var grid = page.GetByTestId("violations-grid");
        await grid.Locator("tbody tr [data-testid=violation-arn]").First.WaitForAsync(new() { Timeout = 60_000 });
        var arn = (await grid.Locator("tbody tr [data-testid=violation-arn]").First.InnerTextAsync()).Trim();
        var arns = (await grid.Locator("tbody tr [data-testid=violation-arn]").AllInnerTextsAsync()).Select(a => a.Trim()).Distinct().ToList();
        var rows = grid.Locator("tbody tr", new() { Has = page.GetByText(arn, new() { Exact = true }) });
        var count = await rows.CountAsync();
        var boxes = grid.GetByTestId("waiver-select");
        var boxCount = await boxes.CountAsync();
        Assert.Equal(25, boxCount);
        for (var i = 0; i < boxCount; i++)
        {
            await boxes.Nth(i).CheckAsync();
        }

        await Assertions.Expect(page.GetByTestId("request-waiver-selected")).ToContainTextAsync("(25)");
        await page.GetByTestId("request-waiver-selected").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.WaitForAsync();
        await Assertions.Expect(dialog.GetByTestId("waiver-dialog-targets")).ToContainTextAsync($"{arns.Count} resources");
        await dialog.GetByLabel("Reason").FillAsync("Legacy hosts, decommissioned next quarter");
        await PageChecks.ScreenshotFromTopAsync(page, "waiver-request-dialog");
        await dialog.GetByTestId("waiver-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("waiver-requested")).ToContainTextAsync($"{arns.Count} waivers requested", new() { Timeout = 30_000 });

        // As admin (the local user; self-approval is on for this one-person app) on /waivers.
        await BrowserFixture.OpenAsync(page, "/waivers");
        var approve = page.GetByTestId("waiver-approve");
        await Assertions.Expect(approve).ToHaveCountAsync(arns.Count, new() { Timeout = 30_000 });
        for (var left = arns.Count; left > 0; left--)
        {
            await approve.First.ClickAsync();
            await Assertions.Expect(approve).ToHaveCountAsync(left - 1, new() { Timeout = 30_000 });
        }

        await Assertions.Expect(page.GetByTestId("waiver-status").Filter(new() { HasText = "approved" })).ToHaveCountAsync(arns.Count);
        var view = compliance.LatestResult!;
        Assert.Equal(arns.Count, view.Summary.Waived);
        Assert.True(view.Summary.ScorePercent > Math.Round(scoreBefore * 100, 1), $"score {view.Summary.ScorePercent} after, {scoreBefore} before");
        await Assertions.Expect(page.GetByTestId("waived-spend-amount")).ToHaveTextAsync(
            "$" + (view.Costs.WaivedCents / 100m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(await PageChecks.HasHorizontalScrollAsync(page), "the waivers page fits 1280 px without horizontal scrolling");
        await PageChecks.ScreenshotFromTopAsync(page, "waivers");

        await BrowserFixture.OpenAsync(page, "/");
        await Assertions.Expect(page.GetByTestId("overall-score")).ToHaveTextAsync(
            view.Summary.ScorePercent.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%", new() { Timeout = 30_000 });
        Assert.NotEqual(before, (await page.GetByTestId("overall-score").InnerTextAsync()).Trim());
        await Assertions.Expect(page.GetByTestId("waived-spend")).ToBeVisibleAsync();
        await PageChecks.ScreenshotFromTopAsync(page, "overview-with-waiver");

        await BrowserFixture.OpenAsync(page, "/violations?q=" + Uri.EscapeDataString(FinOps.Domain.Resources.Arn.Parse(arn).ResourceId));
        var waivedRows = page.GetByTestId("violations-grid").Locator("tbody tr", new() { Has = page.GetByText(arn, new() { Exact = true }) });
        await Assertions.Expect(waivedRows).ToHaveCountAsync(count, new() { Timeout = 30_000 });
        await Assertions.Expect(waivedRows.GetByTestId("violation-waived")).ToHaveCountAsync(count);
        await Assertions.Expect(waivedRows.GetByTestId("violation-waived").First).ToHaveTextAsync(new Regex(@"^waived until \d{4}-\d{2}-\d{2}$"));
        await Assertions.Expect(waivedRows.GetByTestId("gap-share").First).ToHaveTextAsync("$0.00");
        await PageChecks.ScreenshotFromTopAsync(page, "violations-waived");
    }

    public void Dispose() => _app.Dispose();
}
