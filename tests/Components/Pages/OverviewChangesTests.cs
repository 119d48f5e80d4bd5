using Bunit;
using FinOps.Domain.History;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Controls;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class OverviewChangesTests : DashboardTestContext
{
    [Fact]
    public async Task Headline_cards_show_no_change_line_while_history_has_no_earlier_scan()
    {
        await StartHistoryAsync();
        await ScanAndKeepAsync();

        var page = Render<Overview>();

        page.WaitForAssertion(() => page.Find("[data-testid=overall-score]"), PageTestExtensions.Patience);
        Assert.Empty(page.FindAll("[data-testid$=-change]"));
    }

    [Fact]
    public async Task Headline_cards_word_the_changes_history_reports_since_the_previous_scan()
    {
        await StartHistoryAsync();
        // The first scan covers one region, the second all of them: every figure moves.
        await ScanAndKeepAsync(ScanRequest.Default with { Scope = ScanRequest.Default.Scope.WithRegions(["eu-west-1"]) });
        await ScanAndKeepAsync(ScanRequest.Default with { ForceRefresh = true });
        var changes = await Services.GetRequiredService<HistoryService>().ChangesAsync(ScanScope.Everything, CancellationToken.None);
        Assert.NotNull(changes);
        var sincePrevious = changes.Value.SincePrevious;
        Assert.NotNull(sincePrevious.Then);

        var page = Render<Overview>();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(FigureChangeText.Score(sincePrevious, FigureChangeText.SincePrevious), page.Find("[data-testid=overall-score-change]").TextContent.Trim());
            Assert.Equal(FigureChangeText.Gap(sincePrevious, FigureChangeText.SincePrevious), page.Find("[data-testid=gap-change]").TextContent.Trim());
            Assert.Equal(FigureChangeText.Violations(sincePrevious, FigureChangeText.SincePrevious), page.Find("[data-testid=violations-change]").TextContent.Trim());
        }, PageTestExtensions.Patience);
        Assert.StartsWith("▲ ", page.Find("[data-testid=violations-change]").TextContent.Trim());
        // Both scans are minutes old: nothing is 30 days old, so that line is not shown.
        Assert.DoesNotContain(page.FindAll("[data-testid$=-change]"), e => e.TextContent.Contains(FigureChangeText.SinceMonthAgo, StringComparison.Ordinal));
    }

    [Fact]
    public void Changes_read_as_an_arrow_the_amount_and_since_when()
    {
        static TrendFigures Figures(int inScope, int compliant, int violations, long gap) =>
            new(FigureDimension.Overall, TrendFigures.OverallKey, true, 100, inScope, compliant, violations, violations, gap, 100_000);
        var change = new FigureChange(Figures(100, 75, 10, 5_000), Figures(100, 73, 12, 4_000), DateTimeOffset.UnixEpoch, "scan-1");

        Assert.Equal("▲ 2.0 pts since last scan", FigureChangeText.Score(change, FigureChangeText.SincePrevious));
        Assert.Equal("▲ $10.00 since 30 days ago", FigureChangeText.Gap(change, FigureChangeText.SinceMonthAgo));
        Assert.Equal("▼ 2 since last scan", FigureChangeText.Violations(change, FigureChangeText.SincePrevious));
        Assert.Equal("no change since last scan", FigureChangeText.InScope(change, FigureChangeText.SincePrevious));
        Assert.Null(FigureChangeText.Score(change with { Then = null }, FigureChangeText.SincePrevious));
    }
}
