using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of get_scan_status.</summary>
public sealed record ScanStatusAnswer(
    string ScanId,
    [property: Description("running, succeeded, partial (finished, but some regions failed), failed or cancelled.")] string Status,
    [property: Description("0–100.")] double Percent,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    double ElapsedSeconds,
    int Resources,
    int Violations,
    int Retries,
    [property: Description("One row per region, then global.")] IReadOnlyList<RegionProgressAnswer> Regions,
    [property: Description("Why the scan failed.")] string? Error,
    [property: Description("When finished: the result's figures.")] ScanSummaryAnswer? Summary,
    [property: Description("When this status was taken.")] DateTimeOffset AsOf);
