namespace FinOps.Web.Components.Controls;

/// <summary>How a chart's values read: dollars, percentages or counts.</summary>
public enum ChartValueFormat
{
    Usd,
    Percent,
    Count,
}

/// <summary>Builds ApexCharts option objects (serialised to JSON for <see cref="ApexChart"/>). Values come from the domain.</summary>
public static class ChartOptions
{
    /// <summary>A bar chart of one series over categories.</summary>
    public static object Bar(string seriesName, IReadOnlyList<string> categories, IReadOnlyList<double> values,
        ChartValueFormat format, bool dark, string color = "#1e6f5c", bool horizontal = false, double? max = null) => new
    {
        chart = new { type = "bar", height = "100%", toolbar = new { show = false }, animations = new { enabled = false }, background = "transparent", fontFamily = "inherit" },
        theme = new { mode = dark ? "dark" : "light" },
        series = new[] { new { name = seriesName, data = values } },
        // Categories are names (regions) that differ only at the end (ap-southeast-1, ap-southeast-2): never trimmed,
        // every one shown, slanted when they do not fit side by side.
        xaxis = new { categories, labels = new { rotate = -45, hideOverlappingLabels = false, trim = false } },
        // An absent maximum must not reach ApexCharts as null: it would squash the scale to a few units.
        yaxis = max is { } top ? (object)new { max = top, min = 0 } : new { min = 0 },
        colors = new[] { color },
        plotOptions = new { bar = new { horizontal, borderRadius = 2, columnWidth = "60%", distributed = false } },
        grid = new { borderColor = dark ? "#3a3f44" : "#e0e0e0" },
        states = new { active = new { filter = new { type = "darken" } } },
        finops = new { valueFormat = format.ToString().ToLowerInvariant() },
    };

    /// <summary>
    /// A waterfall: each step is a floating bar from its start to its end (ApexCharts range bars).
    /// <paramref name="steps"/> are (label, start, end, color).
    /// </summary>
    public static object Waterfall(string seriesName, IReadOnlyList<(string Label, double Start, double End, string Color)> steps, bool dark) => new
    {
        chart = new { type = "rangeBar", height = "100%", toolbar = new { show = false }, animations = new { enabled = false }, background = "transparent", fontFamily = "inherit" },
        theme = new { mode = dark ? "dark" : "light" },
        series = new[]
        {
            new
            {
                name = seriesName,
                data = steps.Select(s => new { x = s.Label, y = new[] { Math.Min(s.Start, s.End), Math.Max(s.Start, s.End) }, fillColor = s.Color }).ToArray(),
            },
        },
        plotOptions = new { bar = new { horizontal = false, columnWidth = "55%" } },
        grid = new { borderColor = dark ? "#3a3f44" : "#e0e0e0" },
        finops = new { valueFormat = "usd" },
    };
}
