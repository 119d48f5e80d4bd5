using System.Text.Json;
using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Controls;

namespace FinOps.Tests.Components.Controls;

public sealed class RegionChartsTests : DashboardTestContext
{
    [Fact]
    public async Task Score_bars_are_horizontal_lowest_first_coloured_by_target_on_an_axis_that_starts_near_the_lowest_score()
    {
        var result = await ScanAsync();
        var charts = Drawn(result);

        var score = charts["score-chart"];
        Assert.True(score.GetProperty("plotOptions").GetProperty("bar").GetProperty("horizontal").GetBoolean());
        var scored = result.Regions.Where(r => r.Status == RegionScanStatus.Succeeded && !r.Summary.NothingInScope)
            .OrderBy(r => r.Summary.ScorePercent).ThenBy(r => r.Region, StringComparer.Ordinal).ToList();
        var bars = score.GetProperty("series")[0].GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(scored.Select(r => r.Region), bars.Select(b => b.GetProperty("x").GetString()));
        Assert.Equal(scored.Select(r => r.Summary.ScorePercent), bars.Select(b => b.GetProperty("y").GetDouble()));

        // Not forced to 0–100: the axis starts within 20 points of the lowest score, so a 10-point spread is visible.
        var min = score.GetProperty("yaxis").GetProperty("min").GetDouble();
        Assert.InRange(min, scored[0].Summary.ScorePercent - 20, scored[0].Summary.ScorePercent - 10);
        Assert.True(min > 0, "the score axis is not forced to start at 0");

        // Against the default 90% target: met in green, within 10 points in orange, further below in red; the target is drawn.
        Assert.Equal(scored.Select(r => r.Summary.ScorePercent >= 90 ? "#2e7d32" : r.Summary.ScorePercent >= 80 ? "#ed6c02" : "#c62828"),
            bars.Select(b => b.GetProperty("fillColor").GetString()));
        Assert.Contains(bars, b => b.GetProperty("fillColor").GetString() == "#c62828");
        Assert.Equal(90, score.GetProperty("annotations").GetProperty("xaxis")[0].GetProperty("x").GetDouble());
    }

    [Fact]
    public async Task Gap_bars_are_horizontal_largest_gap_first()
    {
        var result = await ScanAsync();
        var charts = Drawn(result);

        var gap = charts["gap-chart"];
        Assert.True(gap.GetProperty("plotOptions").GetProperty("bar").GetProperty("horizontal").GetBoolean());
        var expected = result.Regions.Where(r => r.Status == RegionScanStatus.Succeeded)
            .OrderByDescending(r => r.Summary.GapCents).ThenBy(r => r.Region, StringComparer.Ordinal).Select(r => r.Region);
        Assert.Equal(expected, gap.GetProperty("series")[0].GetProperty("data").EnumerateArray().Select(b => b.GetProperty("x").GetString()));
    }

    [Fact]
    public async Task Filtered_to_one_region_each_chart_draws_one_bar_as_thick_as_one_of_many_on_a_readable_scale()
    {
        var whole = await ScanAsync();
        var one = whole.ForRegions(["eu-west-1"]);
        var module = JSInterop.SetupModule("./js/charts.js");

        var chart = Render<RegionCharts>(p => p.Add(c => c.Result, one));

        chart.WaitForAssertion(() => Assert.Equal(2, module.Invocations.Count(i => i.Identifier == "render")));
        var heights = chart.FindAll("[data-testid$=-chart]").Select(e => e.GetAttribute("style")).ToList();
        Assert.All(heights, h => Assert.Equal("min-height:90px", h));
        var score = Serialise(module.Invocations.First(i => i.Identifier == "render" && Serialise(i.Arguments[1]).GetProperty("series")[0].GetProperty("name").GetString() == "Score").Arguments[1]);
        var value = one.Regions[0].Summary.ScorePercent;
        var axis = score.GetProperty("yaxis");
        Assert.InRange(value, axis.GetProperty("min").GetDouble() + 10, axis.GetProperty("max").GetDouble());
        Assert.True(axis.GetProperty("min").GetDouble() > 0, "one bar is not drawn against a 0–100 scale");
    }

    /// <summary>The options each chart of the view was drawn with, by the chart's test id.</summary>
    private Dictionary<string, JsonElement> Drawn(ComplianceResult result)
    {
        var module = JSInterop.SetupModule("./js/charts.js");
        var chart = Render<RegionCharts>(p => p.Add(c => c.Result, result));
        chart.WaitForAssertion(() => Assert.Equal(2, module.Invocations.Count(i => i.Identifier == "render")));
        return module.Invocations.Where(i => i.Identifier == "render")
            .Select(i => Serialise(i.Arguments[1]))
            .ToDictionary(o => o.GetProperty("series")[0].GetProperty("name").GetString() == "Score" ? "score-chart" : "gap-chart");
    }

    private static JsonElement Serialise(object? options) => JsonSerializer.SerializeToElement(options);
}
