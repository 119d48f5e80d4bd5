using System.Globalization;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Reports;

/// <summary>How report writers spell figures, so one figure reads the same in every format.</summary>
public static class ReportFormat
{
    /// <summary>"87.5%" (the domain's one-decimal score).</summary>
    public static string Percent(double percent) => percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"87.5" (a plain number for CSV).</summary>
    public static string PlainPercent(double percent) => percent.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-26 14:05 UTC".</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>ISO 8601 UTC, for machine formats.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Status(RegionScanStatus status) => status.ToString().ToLowerInvariant();

    public static string Status(DataQualityStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>"12,345".</summary>
    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
