namespace FinOps.Web.Components.Controls;

/// <summary>Builds ApexCharts option objects (serialised to JSON for <see cref="ApexChart"/>). Values come from the domain.</summary>
public static class ChartOptions
{
    /// <summary>Height of one bar of a horizontal bar chart with its gap, in pixels.</summary>
    public const int BarPitch = 26;

    /// <summary>What a horizontal bar chart needs beside its bars: the value axis and some breathing room.</summary>
    private const int BarChartFrame = 64;

    /// <summary>The height a horizontal bar chart of <paramref name="bars"/> bars needs, so one bar is as thick as one of many.</summary>
    public static int HorizontalBarHeight(int bars) => Math.Max(1, bars) * BarPitch + BarChartFrame;

    /// <summary>
    /// Horizontal bars, one per category in the given order, each in its own colour, the value written at its end when
    /// <paramref name="valueLabels"/> (ApexCharts moves a label that would start left of the axis onto the axis, over
    /// the bar: only right for bars that all clear the axis by a label's width, as on a scale that starts below the
    /// lowest value). The value axis spans <paramref name="min"/>–<paramref name="max"/> when given (null: from the
    /// data), so small differences need not be squashed against a zero baseline; <paramref name="line"/> marks a value
    /// across the bars; the value axis has <paramref name="valueTicks"/> intervals.
    /// </summary>
    public static object HorizontalBars(string seriesName, IReadOnlyList<ChartBar> bars, ChartValueFormat format, bool dark,
        double? min = null, double? max = null, ChartTargetLine? line = null, bool valueLabels = false, int valueTicks = 4)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var text = dark ? "#e0e0e0" : "#37474f";
        return new
        {
            chart = new { type = "bar", height = "100%", toolbar = new { show = false }, animations = new { enabled = false }, background = "transparent", fontFamily = "inherit" },
            theme = new { mode = dark ? "dark" : "light" },
            series = new[] { new { name = seriesName, data = bars.Select(b => new { x = b.Label, y = b.Value, fillColor = b.Color }).ToArray() } },
            // Category labels are region codes that differ only at the end (ap-southeast-1, -2): never trimmed.
            // A few value ticks, so their labels stay apart on a phone too.
            xaxis = new { type = "category", tickAmount = valueTicks, labels = new { trim = false, hideOverlappingLabels = true } },
            // An absent bound must not reach ApexCharts as null: it would squash the scale to a few units.
            yaxis = (min, max) switch
            {
                ({ } low, { } high) => (object)new { min = low, max = high, labels = new { maxWidth = 160 } },
                ({ } low, null) => new { min = low, labels = new { maxWidth = 160 } },
                (null, { } high) => new { max = high, labels = new { maxWidth = 160 } },
                _ => new { labels = new { maxWidth = 160 } },
            },
            plotOptions = new { bar = new { horizontal = true, borderRadius = 2, barHeight = "70%", dataLabels = new { position = "top" } } },
            dataLabels = new { enabled = valueLabels, textAnchor = "start", offsetX = 6, style = new { colors = new[] { text }, fontSize = "11px", fontWeight = 400 } },
            annotations = line is null
                ? new { xaxis = Array.Empty<object>() }
                : new
                {
                    xaxis = new object[]
                    {
                        new
                        {
                            x = line.Value, borderColor = line.Color, strokeDashArray = 4,
                            label = new { text = line.Label, borderColor = line.Color, orientation = "horizontal", position = "top", style = new { color = "#fff", background = line.Color, fontSize = "11px" } },
                        },
                    },
                },
            legend = new { show = false },
            grid = new { borderColor = dark ? "#3a3f44" : "#e0e0e0", xaxis = new { lines = new { show = true } }, yaxis = new { lines = new { show = false } } },
            states = new { active = new { filter = new { type = "darken" } } },
            finops = new { valueFormat = format.ToString().ToLowerInvariant() },
        };
    }

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

    /// <summary>
    /// Lines over time (one per series, points at their moments), each point marked so a single scan shows; every
    /// <paramref name="marks"/> entry is drawn as a dashed vertical line labelled at the top, the label ending at the
    /// line (a mark is never the first point, so the label reads back over earlier points and stays inside the plot).
    /// </summary>
    public static object TimeLines(IReadOnlyList<ChartLine> lines, IReadOnlyList<ChartTimeMark> marks, ChartValueFormat format, bool dark,
        double? min = null, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(marks);
        var markColor = dark ? "#b39ddb" : "#5e35b1";
        return new
        {
            chart = new { type = "line", height = "100%", toolbar = new { show = false }, zoom = new { enabled = false }, animations = new { enabled = false }, background = "transparent", fontFamily = "inherit" },
            theme = new { mode = dark ? "dark" : "light" },
            series = lines.Select(l => new
            {
                name = l.Name,
                data = l.Points.Select(p => new object?[] { p.At.ToUnixTimeMilliseconds(), p.Value }).ToArray(),
            }).ToArray(),
            stroke = new { width = 2, curve = "straight" },
            markers = new { size = 4 },
            xaxis = new { type = "datetime", labels = new { datetimeUTC = true } },
            yaxis = (min, max) switch
            {
                ({ } low, { } high) => (object)new { min = low, max = high, forceNiceScale = true },
                ({ } low, null) => new { min = low, forceNiceScale = true },
                _ => new { forceNiceScale = true },
            },
            tooltip = new { x = new { format = "yyyy-MM-dd HH:mm" }, shared = true },
            annotations = new
            {
                xaxis = marks.Select(m => new
                {
                    x = m.At.ToUnixTimeMilliseconds(),
                    borderColor = markColor,
                    strokeDashArray = 4,
                    label = new { text = m.Label, borderColor = markColor, orientation = "horizontal", position = "top", textAnchor = "end", style = new { color = "#fff", background = markColor, fontSize = "11px" } },
                }).ToArray(),
            },
            legend = new { show = lines.Count > 1, position = "bottom" },
            grid = new { borderColor = dark ? "#3a3f44" : "#e0e0e0" },
            finops = new { valueFormat = format.ToString().ToLowerInvariant() },
        };
    }
}
