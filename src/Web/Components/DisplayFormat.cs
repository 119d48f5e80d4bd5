using System.Globalization;

namespace FinOps.Web.Components;

/// <summary>How numbers look on every page (formatting only; the domain computes them).</summary>
public static class DisplayFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"$12,345.67" from cents.</summary>
    public static string Usd(long cents) =>
        (cents < 0 ? "-$" : "$") + (Math.Abs(cents) / 100m).ToString("#,##0.00", Culture);

    /// <summary>"12,345".</summary>
    public static string Count(long value) => value.ToString("#,##0", Culture);

    /// <summary>"73.4%" from a 0–1 score.</summary>
    public static string Percent(double score) => (score * 100).ToString("0.0", Culture) + "%";

    /// <summary>"2026-11-26 14:05 UTC".</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Culture);
}
