using System.Text.Json;
using Bunit;
using FinOps.Domain.History;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class TrendsPageTests : DashboardTestContext
{
    [Fact]
    public async Task Charts_draw_each_kept_scan_as_a_point_and_the_policy_change_between_them_as_an_annotation()
    {
        await StartHistoryAsync();
        var first = await ScanAndKeepAsync();
        var policies = Services.GetRequiredService<PolicyService>();
        var policy = await policies.GetPolicyAsync(CancellationToken.None);
        await policies.SaveAsync(TaggingPolicyJson.Serialize(policy with
        {
            Version = "trend-test-2",
            RequiredTags = [.. policy.RequiredTags.Select(t => t with { AppliesTo = ["ec2:instance"] })],
        }), "test", CancellationToken.None);
        var second = await ScanAndKeepAsync(ScanRequest.Default with { ForceRefresh = true });
        var module = JSInterop.SetupModule("./js/charts.js");

        var page = Render<Trends>();

        page.WaitForAssertion(() => Assert.Equal(4, module.Invocations.Count(i => i.Identifier == "render")), PageTestExtensions.Patience);
        var charts = module.Invocations.Where(i => i.Identifier == "render").Select(i => JsonSerializer.SerializeToElement(i.Arguments[1])).ToList();
        var series = await Services.GetRequiredService<HistoryService>().TrendAsync(
            new TrendQuery(FigureDimension.Overall, [], DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)), CancellationToken.None);
        Assert.Equal([first.ScanId, second.ScanId], series.Points.Select(p => p.ScanId));

        var score = charts.Single(c => c.GetProperty("finops").GetProperty("valueFormat").GetString() == "percent");
        Assert.Equal("datetime", score.GetProperty("xaxis").GetProperty("type").GetString());
        var line = score.GetProperty("series").EnumerateArray().Single();
        Assert.Equal("Overall", line.GetProperty("name").GetString());
        var points = line.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(series.Points.Select(p => p.At.ToUnixTimeMilliseconds()), points.Select(p => p[0].GetInt64()));
        Assert.Equal(series.Points.Select(p => p.Figures.Score!.Value * 100), points.Select(p => p[1].GetDouble()));

        var gap = charts.Single(c => c.GetProperty("finops").GetProperty("valueFormat").GetString() == "usd");
        Assert.Equal(series.Points.Select(p => p.Figures.GapCents / 100.0),
            gap.GetProperty("series")[0].GetProperty("data").EnumerateArray().Select(p => p[1].GetDouble()));

        // The policy change is on every chart, at the first scan judged by the new policy, labelled with its version.
        Assert.All(charts, c =>
        {
            var mark = Assert.Single(c.GetProperty("annotations").GetProperty("xaxis").EnumerateArray());
            Assert.InRange(mark.GetProperty("x").GetInt64(), second.AsOf.ToUnixTimeMilliseconds() - 1_000, second.AsOf.ToUnixTimeMilliseconds() + 1_000);
            Assert.Equal("Policy trend-test-2", mark.GetProperty("label").GetProperty("text").GetString());
        });
        Assert.Contains("trend-test-2", page.Find("[data-testid=policy-change]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_region_lines_keep_to_the_region_filter()
    {
        await StartHistoryAsync();
        await ScanAndKeepAsync();
        var module = JSInterop.SetupModule("./js/charts.js");
        Navigation.NavigateTo("/trends?regions=eu-west-1,us-east-1&group=region");

        var page = Render<Trends>();

        page.WaitForAssertion(() => Assert.Equal(4, module.Invocations.Count(i => i.Identifier == "render")), PageTestExtensions.Patience);
        var score = JsonSerializer.SerializeToElement(module.Invocations.First(i => i.Identifier == "render").Arguments[1]);
        Assert.Equal(["eu-west-1", "us-east-1"], score.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_invalid_region_filter_is_refused_with_the_scope_error_and_nothing_is_charted()
    {
        await StartHistoryAsync();
        await ScanAndKeepAsync();
        var module = JSInterop.SetupModule("./js/charts.js");
        Navigation.NavigateTo("/trends?regions=not-a-region!");

        var page = Render<Trends>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("[data-testid=scope-error]").TextContent.Trim()), PageTestExtensions.Patience);
        Assert.Empty(page.FindAll("[data-testid$=-trend-chart]"));
        Assert.DoesNotContain(module.Invocations, i => i.Identifier == "render");
    }
}
