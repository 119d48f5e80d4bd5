using System.Globalization;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Web.Components;

/// <summary>How numbers look on every page (formatting only; the domain computes them).</summary>
public static class DisplayFormat
{
    /// <summary>What a score reads when nothing is in scope (a 100 % by definition would mislead).</summary>
    public const string NotApplicable = FinOps.Domain.Reports.ReportFormat.NotApplicable;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"$12,345.67" from cents.</summary>
    public static string Usd(long cents) =>
        (cents < 0 ? "-$" : "$") + (Math.Abs(cents) / 100m).ToString("#,##0.00", Culture);

    /// <summary>"12,345".</summary>
    public static string Count(long value) => value.ToString("#,##0", Culture);

    /// <summary>
    /// "17 regions and global": the rows of a result's regional breakdown, the global row named apart (it is not a
    /// region), as the data-quality panel counts regions.
    /// </summary>
    public static string RegionScope(IReadOnlyCollection<RegionalSummary> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var global = rows.Any(r => r.Region == ResourceCatalogue.GlobalRegion);
        var regions = rows.Count - (global ? 1 : 0);
        return (regions, global) switch
        {
            (0, true) => "global resources only",
            (_, true) => $"{Count(regions)} region{(regions == 1 ? "" : "s")} and global",
            _ => $"{Count(regions)} region{(regions == 1 ? "" : "s")}",
        };
    }

    /// <summary>"73.4%" from a 0–1 score.</summary>
    public static string Percent(double score) => (score * 100).ToString("0.0", Culture) + "%";

    /// <summary>"31.3%" from a value already in percent (one decimal, as the domain rounds it).</summary>
    public static string PercentValue(double percent) => percent.ToString("0.0", Culture) + "%";

    /// <summary>The compliance score of a summary ("73.4%", the domain's rounding), or "n/a" when nothing is in scope.</summary>
    public static string Score(ComplianceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.NothingInScope ? NotApplicable : summary.ScorePercent.ToString("0.0", Culture) + "%";
    }

    /// <summary>"2026-11-26 14:05 UTC".</summary>
    /// <summary>A UTC date, e.g. <c>2027-03-31</c> (waiver expiries).</summary>
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", Culture);

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Culture);

    /// <summary>"0.4 s", "12 s", "3 min 05 s", "1 h 02 min".</summary>
    public static string Elapsed(TimeSpan elapsed) =>
        elapsed < TimeSpan.FromSeconds(10) ? elapsed.TotalSeconds.ToString("0.0", Culture) + " s"
        : elapsed < TimeSpan.FromMinutes(1) ? ((int)elapsed.TotalSeconds).ToString(Culture) + " s"
        : elapsed < TimeSpan.FromHours(1) ? $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds:00} s"
        : $"{(int)elapsed.TotalHours} h {elapsed.Minutes:00} min";
}
