using Bunit;
using FinOps.Domain.Costs;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class CostsPageLayoutTests : DashboardTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public CostsPageLayoutTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public async Task A_breakdown_column_with_no_money_in_any_row_is_left_out()
    {
        var result = await ScanAsync();
        var report = AttributionGapReport.From(result);
        Assert.True(report.Overall.OutOfScope.Cents == 0 && report.Rows.All(r => r.OutOfScope.Cents == 0), "the sample policy leaves nothing out of scope");
        Assert.True(report.Overall.Untaggable.Cents > 0);

        var page = RenderCosts();

        foreach (var table in new[] { "gap-by-region", "gap-by-type", "gap-by-service" })
        {
            var headers = page.FindAll($"[data-testid={table}] thead th").Select(h => h.TextContent.Trim()).ToList();
            Assert.DoesNotContain("Out of scope", headers);
            Assert.Contains("Untaggable", headers);
            Assert.Empty(page.FindAll($"[data-testid={table}] td[data-column=out_of_scope]"));
        }
    }

    [Fact]
    public async Task The_fix_plans_of_every_region_are_one_table_sortable_by_what_fixing_closes()
    {
        var result = await ScanAsync();
        var plans = AttributionGapReport.From(result).FixPlan.Regions.Where(r => r.GapCents > 0).ToList();

        var page = RenderCosts();

        Assert.Empty(page.FindAll("[data-testid=fix-plan] .mud-expand-panel"));
        Assert.Equal(plans.OrderByDescending(p => p.GapCents).ThenBy(p => p.Scope, StringComparer.Ordinal).Select(p => p.Scope), Regions(page));

        await page.InvokeAsync(() => page.FindAll("[data-testid=fix-regions] th .mud-table-sort-label").Single(l => l.TextContent.Contains("Of the gap", StringComparison.Ordinal)).Click());
        page.WaitForAssertion(() => Assert.Equal(plans.OrderBy(p => p.PercentOfGap).Select(p => p.PercentOfGap),
            Regions(page).Select(r => plans.Single(p => p.Scope == r).PercentOfGap)), Wait);

        var region = plans[0].Scope;
        await page.InvokeAsync(() => page.Find($"[data-testid=fix-toggle-{region}]").Click());
        page.WaitForAssertion(() => Assert.Equal(plans[0].Resources.Select(r => r.Arn),
            page.FindAll($"[data-testid=fix-{region}] tr[data-arn]").Select(r => r.GetAttribute("data-arn"))), Wait);
        Assert.Equal(plans[0].Sentence, page.Find($"[data-testid=fix-sentence-{region}]").TextContent.Trim());
    }

    [Fact]
    public async Task The_disabled_show_costs_button_says_why_it_is_disabled()
    {
        await ScanAsync();

        var page = RenderCosts();

        Assert.True(page.Find("[data-testid=apply]").HasAttribute("disabled"));
        Assert.Equal("These costs are shown; choose another period or metric to fetch them.", page.Find("[data-testid=apply-reason]").TextContent.Trim());
        Assert.Equal("apply-reason", page.Find("[data-testid=apply]").GetAttribute("aria-describedby"));
    }

    private Task<ComplianceResult> ScanAsync() =>
        Services.GetRequiredService<ComplianceService>().GetResultAsync(ScanRequest.Default, CancellationToken.None);

    private IRenderedComponent<Costs> RenderCosts()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/costs");
        var page = Render<Costs>();
        page.WaitForElement("[data-testid=gap-by-region]", Wait);
        return page;
    }

    private static List<string?> Regions(IRenderedComponent<Costs> page) =>
        [.. page.FindAll("[data-testid=fix-regions] tbody td[data-region]").Select(c => c.GetAttribute("data-region"))];
}
