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

    /// <summary>The score of a set where no resource is in scope.</summary>
    public const string NotApplicable = "n/a";

    /// <summary>Why the score is <see cref="NotApplicable"/>, in words.</summary>
    public const string NothingInScope = "(nothing in scope)";

    /// <summary>
    /// "87.5%", or "n/a (nothing in scope)" when no resource is in scope: the domain's score is then 1.0, and a report
    /// says why in words instead of showing a perfect score (PRODUCT §2).
    /// </summary>
    public static string Score(ComplianceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.NothingInScope ? $"{NotApplicable} {NothingInScope}" : Percent(summary.ScorePercent);
    }

    /// <summary>"87.5" for CSV, or empty when nothing is in scope (the <c>nothing_in_scope</c> column says so).</summary>
    public static string PlainScore(ComplianceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.NothingInScope ? "" : PlainPercent(summary.ScorePercent);
    }

    /// <summary>The score of a region no scan has listed.</summary>
    public const string NotScanned = "not scanned";

    /// <summary>A region's score: "n/a (not scanned)" when never listed, else as <see cref="Score(ComplianceSummary)"/>.</summary>
    public static string Score(RegionReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.IsMeasured ? Score(section.Summary) : $"{NotApplicable} ({NotScanned})";
    }

    /// <summary>A region's score for CSV: empty when not scanned or nothing is in scope.</summary>
    public static string PlainScore(RegionReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.IsMeasured ? PlainScore(section.Summary) : "";
    }

    /// <summary>A region's gap: "unknown" when never listed (never "$0.00": nobody knows it is zero).</summary>
    public static string Gap(RegionReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.IsMeasured ? Costs.Money.Format(section.Costs.GapCents) : "unknown";
    }

    /// <summary>A region's status: "succeeded", "stale" (figures of an earlier scan), "failed", "not_scanned", …</summary>
    public static string Status(RegionReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.IsStale ? "stale" : Status(section.Status);
    }

    /// <summary>"true" or "false", for CSV.</summary>
    public static string Flag(bool value) => value ? "true" : "false";

    /// <summary>"2026-11-26 14:05 UTC".</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>ISO 8601 UTC, for machine formats.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Status(RegionScanStatus status) =>
        status == RegionScanStatus.NotScanned ? "not_scanned" : status.ToString().ToLowerInvariant();

    public static string Status(DataQualityStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>"12,345".</summary>
    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
