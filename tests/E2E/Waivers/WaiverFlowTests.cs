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

        // Every row of the costliest offender (they sit together: the list is ranked by the resource's cost at stake).
        await BrowserFixture.OpenAsync(page, "/violations");
        var grid = page.GetByTestId("violations-grid");
        await grid.Locator("tbody tr [data-testid=violation-arn]").First.WaitForAsync(new() { Timeout = 60_000 });
        var arn = (await grid.Locator("tbody tr [data-testid=violation-arn]").First.InnerTextAsync()).Trim();
        var rows = grid.Locator("tbody tr", new() { Has = page.GetByText(arn, new() { Exact = true }) });
        var count = await rows.CountAsync();
        Assert.True(count >= 1);
        for (var i = 0; i < count; i++)
        {
            await rows.Nth(i).GetByTestId("waiver-select").CheckAsync();
        }

        await Assertions.Expect(page.GetByTestId("request-waiver-selected")).ToContainTextAsync($"({count})");
        await page.GetByTestId("request-waiver-selected").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.WaitForAsync();
        await dialog.GetByLabel("Reason").FillAsync("Legacy host, decommissioned next quarter");
        await PageChecks.ScreenshotFromTopAsync(page, "waiver-request-dialog");
        await dialog.GetByTestId("waiver-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("waiver-requested")).ToContainTextAsync("1 waiver requested", new() { Timeout = 30_000 });

        await BrowserFixture.OpenAsync(page, "/waivers");
        var approve = page.GetByTestId("waiver-approve");
        await approve.WaitForAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("waiver-scope")).ToHaveTextAsync(arn);
        await approve.ClickAsync();
        await Assertions.Expect(page.GetByTestId("waiver-status")).ToHaveTextAsync("approved", new() { Timeout = 30_000 });
        var view = compliance.LatestResult!;
        Assert.Equal(1, view.Summary.Waived);
        Assert.True(view.Summary.Score > scoreBefore, $"score {view.Summary.Score} after, {scoreBefore} before");
        await Assertions.Expect(page.GetByTestId("waived-spend-amount")).ToHaveTextAsync(
            "$" + (view.Costs.WaivedCents / 100m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(await PageChecks.HasHorizontalScrollAsync(page), "the waivers page fits 1280 px without horizontal scrolling");
        await PageChecks.ScreenshotFromTopAsync(page, "waivers");

        await BrowserFixture.OpenAsync(page, "/");
        await Assertions.Expect(page.GetByTestId("overall-score")).Not.ToHaveTextAsync(before, new() { Timeout = 30_000 });
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
