using Bunit;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Tests.Components.Pages;
using FinOps.Web.Components.Pages;

namespace FinOps.Tests.Components.Controls;

public sealed class ViolationsGridReadabilityTests : DashboardTestContext
{
    [Fact]
    public async Task Every_row_shows_the_whole_arn_with_a_button_that_copies_it()
    {
        var result = await this.RunScanAsync();
        var expected = ViolationQuery.Page(result, ViolationFilter.None, ViolationSort.CostAtStake, true, 0, 25).Items;
        var module = JSInterop.SetupModule("./js/finops.js");
        var copy = module.Setup<bool>("copyText", _ => true);
        copy.SetResult(true);

        var page = RenderGrid();
        var rows = page.FindAll("[data-testid=violations-grid] tbody tr");

        Assert.Equal(expected.Select(v => v.Arn), rows.Select(r => r.QuerySelector("[data-testid=violation-arn]")!.TextContent.Trim()));
        Assert.Equal(expected.Select(v => v.Arn), rows.Select(r => r.QuerySelector("[data-testid=copy-button]")!.GetAttribute("data-copy")));
        Assert.All(rows, r => Assert.Equal("Copy the ARN", r.QuerySelector("[data-testid=copy-button]")!.GetAttribute("aria-label")));

        await rows[0].QuerySelector("[data-testid=copy-button]")!.ClickAsync(new());

        Assert.Equal(expected[0].Arn, Assert.Single(copy.Invocations).Arguments[0]);
    }

    [Fact]
    public async Task What_the_policy_expects_is_shown_whole_and_no_chip_repeats_the_same_word_on_every_row()
    {
        var result = await this.RunScanAsync();
        var expected = ViolationQuery.Page(result, ViolationFilter.None, ViolationSort.CostAtStake, true, 0, 25).Items;
        Assert.Contains(expected, v => v.Severity == Severity.Warning);

        var page = RenderGrid();
        var rows = page.FindAll("[data-testid=violations-grid] tbody tr");

        Assert.Equal(expected.Select(v => v.Expected), rows.Select(r => r.QuerySelector("[data-testid=violation-expected]")!.TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=violations-grid] tbody .mud-chip"));
        Assert.Empty(page.FindAll("[data-testid=violations-grid] .finops-clamp"));
        // Warnings, the exception, are marked; errors are not.
        Assert.Equal(expected.Select(v => v.Severity == Severity.Warning), rows.Select(r => r.QuerySelector("[data-testid=violation-warning]") is not null));
    }

    private IRenderedComponent<Violations> RenderGrid()
    {
        var page = Render<Violations>();
        page.WaitForElement("[data-testid=violations-grid] tbody tr [data-testid=violation-arn]", PageTestExtensions.Patience);
        return page;
    }
}
