using System.Globalization;
using System.Text;
using static System.FormattableString;

namespace FinOps.Bench;

/// <summary>
/// The soak run's figures: per window, requests, errors and latency percentiles (overall and per kind; whole scans are
/// timed apart), the live heap, working set and retained scan jobs; after warm-up, the memory slope (over the live-heap
/// samples: the median slope between pairs of samples, in MB per 10 minutes) and how
/// far p99 moved between windows. Targets: no growth after warm-up (|heap slope| ≤ 5 MB per 10 min) and p99 flat (the
/// slowest window's p99 at most 1.5 × the fastest's).
/// </summary>
public sealed class SoakReport(SoakOptions options, IReadOnlyList<SoakSample> samples, IReadOnlyList<SoakMemorySample> memory)
{
    public const double MaxHeapSlope = 5;
    public const double MaxP99Spread = 1.5;

    /// <summary>Live-heap growth after warm-up (measured after full collections), MB per 10 minutes.</summary>
    public double HeapSlope => Slope(m => m.LiveHeapMegabytes);

    /// <summary>Working-set growth after warm-up, MB per 10 minutes.</summary>
    public double WorkingSetSlope => Slope(m => m.WorkingSetMegabytes);

    /// <summary>The slowest post-warm-up window's p99 over the fastest's.</summary>
    public double P99Spread
    {
        get
        {
            var p99s = Windows().Where(w => w.Start >= options.WarmUp && w.Requests.Length > 0).Select(w => Percentile(w.Requests, 0.99)).ToList();
            return p99s.Count < 2 ? 1 : p99s.Max() / p99s.Min();
        }
    }

    public bool Met => Math.Abs(HeapSlope) <= MaxHeapSlope && P99Spread <= MaxP99Spread && samples.All(s => !s.Failed);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"window",-11} {"requests",8} {"errors",6} {"p50 ms",8} {"p99 ms",8} {"p99 mcp",8} {"p99 page",9} {"p99 export",10} {"scans",5} {"scan s",7} {"live MB",8} {"RSS MB",7} {"jobs",5}");
        foreach (var window in Windows())
        {
            var mcp = Kind(window, "mcp");
            var page = Kind(window, "page");
            var export = Kind(window, "export");
            var scans = samples.Where(s => s.Kind == "scan" && s.At >= window.Start && s.At < window.End).ToList();
            var heap = memory.Where(m => m.At >= window.Start && m.At < window.End).ToList();
            text.AppendLine(
                Invariant($"{$"{window.Start.TotalMinutes:0}-{window.End.TotalMinutes:0} min",-11} {window.Requests.Length,8:N0} {window.Errors,6} ") +
                Invariant($"{Percentile(window.Requests, 0.5),8:N1} {Percentile(window.Requests, 0.99),8:N1} {Percentile(mcp, 0.99),8:N1} ") +
                Invariant($"{Percentile(page, 0.99),9:N1} {Percentile(export, 0.99),10:N1} {scans.Count,5} {(scans.Count == 0 ? double.NaN : scans.Average(s => s.Milliseconds) / 1000),7:N1} ") +
                Invariant($"{Average(heap, m => m.LiveHeapMegabytes),8:N1} {Average(heap, m => m.WorkingSetMegabytes),7:N1} {Average(heap, m => m.RetainedJobs),5:N1}") +
                (window.Start < options.WarmUp ? "  (warm-up)" : ""));
        }

        text.AppendLine(
            Invariant($"Memory slope after warm-up: live managed heap {HeapSlope:+0.0;-0.0} MB per 10 min (target |slope| ≤ {MaxHeapSlope}), ") +
            Invariant($"working set {WorkingSetSlope:+0.0;-0.0} MB per 10 min"));
        text.AppendLine(
            Invariant($"p99 after warm-up: slowest window {P99Spread:N2} × the fastest (target ≤ {MaxP99Spread}); failed requests: {samples.Count(s => s.Failed)}") +
            string.Concat(samples.Where(s => s.Failed).GroupBy(s => s.Kind).Select(g => Invariant($" ({g.Key}: {g.Count()})"))));
        text.Append(Met ? "PASS" : "FAIL").Append("  no growth after warm-up, p99 flat, no errors");
        return text.ToString();
    }

    private IEnumerable<SoakWindow> Windows()
    {
        for (var start = TimeSpan.Zero; start < options.Duration; start += options.Window)
        {
            var end = start + options.Window < options.Duration ? start + options.Window : options.Duration;
            var inWindow = samples.Where(s => s.Kind != "scan" && s.At >= start && s.At < end).ToList();
            yield return new SoakWindow(start, end, Sorted(inWindow), inWindow.Count(s => s.Failed));
        }
    }

    private double[] Kind(SoakWindow window, string kind) =>
        Sorted(samples.Where(s => s.Kind == kind && s.At >= window.Start && s.At < window.End));

    private static double[] Sorted(IEnumerable<SoakSample> requests)
    {
        var times = requests.Select(s => s.Milliseconds).ToArray();
        Array.Sort(times);
        return times;
    }

    /// <summary>
    /// The slope of a memory figure over the post-warm-up samples, in MB per 10 minutes: the median of the slopes between
    /// every pair of samples (Theil–Sen), so a sample taken while a scan holds its working data does not tilt the line.
    /// </summary>
    private double Slope(Func<SoakMemorySample, double> figure)
    {
        var points = memory.Where(m => m.At >= options.WarmUp).Select(m => (X: m.At.TotalMinutes, Y: figure(m))).Where(p => !double.IsNaN(p.Y)).ToList();
        var slopes = new List<double>();
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                if (points[j].X > points[i].X)
                {
                    slopes.Add((points[j].Y - points[i].Y) / (points[j].X - points[i].X));
                }
            }
        }

        if (slopes.Count == 0)
        {
            return double.NaN;
        }

        slopes.Sort();
        var middle = slopes.Count / 2;
        var median = slopes.Count % 2 == 1 ? slopes[middle] : (slopes[middle - 1] + slopes[middle]) / 2;
        return median * 10;
    }

    private static double Average(List<SoakMemorySample> samples, Func<SoakMemorySample, double> figure)
    {
        var values = samples.Select(figure).Where(v => !double.IsNaN(v)).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>One window of the run: its requests' sorted durations and its failures.</summary>
    private sealed record SoakWindow(TimeSpan Start, TimeSpan End, double[] Requests, int Errors);
}
