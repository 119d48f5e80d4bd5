using Bunit;
using FinOps.Domain.Owners;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components;
using FinOps.Web.Components.Controls;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class OwnersPageTests() : DashboardTestContext(new Dictionary<string, string?>
{
    ["FinOps:Owners:Fallback:Default"] = "finops@example.com",
})
{
    [Fact]
    public async Task Each_owner_row_shows_the_domain_figures_and_the_total_gap_is_the_accounts()
    {
        var result = await this.RunScanAsync();
        var report = Services.GetRequiredService<OwnerReportService>().For(result);

        var page = Render<Owners>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=owners-table] tbody tr")), PageTestExtensions.Patience);

        var rows = page.FindAll("[data-testid=owners-table] tbody tr");
        Assert.True(report.Rows.Length > 1, "the sample has several owners");
        Assert.Equal(report.Rows.Length, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = report.Rows[i];
            Assert.StartsWith(expected.Name, rows[i].QuerySelector("[data-col=owner]")!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal(DisplayFormat.Score(expected.Summary), rows[i].QuerySelector("[data-col=score]")!.TextContent.Trim());
            Assert.Equal(DisplayFormat.Usd(expected.GapCents), rows[i].QuerySelector("[data-col=gap]")!.TextContent.Trim());
            Assert.Equal(DisplayFormat.Usd(expected.SpendAtStakeCents), rows[i].QuerySelector("[data-col=at-stake]")!.TextContent.Trim());
        }

        Assert.Equal(DisplayFormat.Usd(result.Summary.GapCents), page.Find("[data-testid=owners-total-gap]").TextContent.Trim());
        Assert.Equal(result.Summary.GapCents, report.Rows.Sum(r => r.GapCents));
    }

    [Fact]
    public async Task An_owners_violations_link_opens_the_violations_page_filtered_to_that_owner()
    {
        var result = await this.RunScanAsync();
        var report = Services.GetRequiredService<OwnerReportService>().For(result);
        var owner = report.Rows.First(r => r.Summary.Violations > 0);

        var page = Render<Owners>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=owner-violations]")), PageTestExtensions.Patience);
        var link = page.FindAll("[data-testid=owners-table] tbody tr")[report.Rows.IndexOf(owner)]
            .QuerySelector("[data-testid=owner-violations]")!.GetAttribute("href")!;
        Assert.Equal("violations?owner=" + Uri.EscapeDataString(owner.Name), link);

        this.Navigator().NavigateTo("/" + link);
        var violations = Render<Violations>();
        violations.WaitForAssertion(() => Assert.NotNull(violations.FindComponent<ViolationsGrid>().Instance.LastRequest), PageTestExtensions.Patience);
        var request = violations.FindComponent<ViolationsGrid>().Instance.LastRequest!;
        Assert.Equal(owner.Name, request.Filter.Owner?.Name);
        var expected = ViolationQuery.Page(result, request.Filter, ViolationSort.CostAtStake, true, 0, 25);
        Assert.Equal(owner.Summary.Violations, expected.TotalCount);
        Assert.Contains(owner.Name, violations.Find("[data-testid=owner-filter]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_by_violations_orders_the_rows_by_the_owners_violation_counts()
    {
        var result = await this.RunScanAsync();
        var report = Services.GetRequiredService<OwnerReportService>().For(result);
        var page = Render<Owners>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=owners-table] tbody tr")), PageTestExtensions.Patience);

        await page.InvokeAsync(() => page.FindAll("[data-testid=owners-table] th .mud-table-sort-label").Single(l => l.TextContent.Trim() == "Violations").Click());

        page.WaitForAssertion(() =>
        {
            var counts = page.FindAll("[data-testid=owners-table] tbody tr [data-col=owner] span:first-child")
                .Select(c => report.Find(c.TextContent.Trim())!.Summary.Violations).ToList();
            Assert.Equal(counts.Order(), counts);
            Assert.NotEqual(report.Rows.Select(r => r.Summary.Violations), counts);
        }, PageTestExtensions.Patience);
    }
}
