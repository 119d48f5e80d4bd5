using System.Text.RegularExpressions;
using FinOps.Domain.Scanning;
using FinOps.Domain.Suggestions;
using FinOps.Tests.E2E.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Violations;

[Collection(BrowserCollection.Name)]
public sealed class ViolationsAndResourceTests(BrowserFixture browser) : IDisposable
{
    private readonly FinOpsAppHost _app = FinOpsAppHost.Start();

    [Fact]
    public async Task A_user_opens_a_violation_and_sees_the_resources_tags_and_a_suggestion()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);

        await page.GotoAsync("/violations");
        var grid = page.GetByTestId("violations-grid");
        await grid.Locator("tbody tr [data-testid=violation-arn]").First.WaitForAsync(new() { Timeout = 60_000 });
        var result = _app.Services.GetRequiredService<ComplianceService>().LatestResult!;

        Assert.Equal(25, await grid.Locator("tbody tr").CountAsync());
        Assert.Equal($"{result.Summary.Violations:#,##0} violations", (await page.GetByTestId("violation-total").InnerTextAsync()).Trim());
        Assert.False(await PageChecks.HasHorizontalScrollAsync(page), "the violations page fits 1280 px without horizontal scrolling");
        await PageChecks.ScreenshotFromTopAsync(page, "violations");

        // The first violation on screen whose resource has a suggested fix.
        var shown = ViolationQuery.Page(result, ViolationFilter.None, ViolationSort.CostAtStake, true, 0, 25).Items;
        var target = shown.First(v => TagReview.For(result, v.Resource).Any(r => !r.Suggestions.IsEmpty));
        var name = target.ResourceName ?? FinOps.Domain.Resources.Arn.Parse(target.Arn).ResourceId;
        await grid.Locator("tbody tr", new() { Has = page.GetByText(target.Arn, new() { Exact = true }) })
            .GetByRole(AriaRole.Link, new() { Name = $"Resource {name}" }).First.ClickAsync();

        await page.WaitForURLAsync(new Regex("/resources/arn%3Aaws%3A"));
        var tags = page.GetByTestId("tag-table");
        await tags.WaitForAsync();
        Assert.Equal(target.Arn, (await page.GetByTestId("resource-arn").InnerTextAsync()).Trim());
        foreach (var tag in target.Resource.Resource.Tags)
        {
            await Assertions.Expect(tags.Locator($"td[data-key='{tag.Key}']")).ToHaveCountAsync(1);
        }

        var suggestion = tags.GetByTestId("suggestion").First;
        await Assertions.Expect(suggestion).ToContainTextAsync("confidence");
        await Assertions.Expect(tags.GetByTestId("tag-violation").Filter(new() { HasText = target.Message })).ToHaveCountAsync(1);
        Assert.False(await PageChecks.HasHorizontalScrollAsync(page), "the resource page fits 1280 px without horizontal scrolling");
        await PageChecks.ScreenshotFromTopAsync(page, "resource");

        // Reloading the encoded address (the server renders it first) finds the same resource.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("resource-arn")).ToHaveTextAsync(target.Arn);
    }

    [Fact]
    public async Task Filters_are_reachable_by_role_and_name_and_kept_in_the_url()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await page.GotoAsync("/violations");
        var grid = page.GetByTestId("violations-grid");
        await grid.Locator("tbody tr [data-testid=violation-arn]").First.WaitForAsync(new() { Timeout = 60_000 });
        var total = await page.GetByTestId("violation-total").InnerTextAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Resource type" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "ec2:instance", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"type=ec2(%3A|:)instance"));
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("violation-total")).Not.ToHaveTextAsync(total);
        var types = grid.Locator("tbody tr td:nth-child(2)");
        await Assertions.Expect(types.Filter(new() { HasNotText = "ec2:instance" })).ToHaveCountAsync(0);
        Assert.True(await types.CountAsync() > 0, "instances have violations");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search ARN or name" }).FillAsync("web");
        await page.WaitForURLAsync(new Regex(@"q=web"));
        await Assertions.Expect(page.GetByTestId("violation-total")).ToContainTextAsync("match the filters");

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/violations$"));
        await Assertions.Expect(page.GetByTestId("violation-total")).ToHaveTextAsync(total);
    }

    public void Dispose() => _app.Dispose();
}
