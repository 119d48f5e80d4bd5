using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of export_violations_csv.</summary>
public sealed record ViolationsCsvAnswer(
    [property: Description("RFC 4180 CSV with a header row; cells starting = + - @ are escaped.")] string Csv,
    IReadOnlyList<string> Columns,
    [property: Description("Data rows in csv.")] int Rows,
    [property: Description("Violations matching the filter.")] int TotalRows,
    [property: Description("Whether max_rows cut the list.")] bool Truncated,
    [property: Description("The same export over HTTP, for the whole list; null with scan_id (the HTTP export serves the current state only).")] string? DownloadPath,
    string ScanId,
    DateTimeOffset AsOf,
    IReadOnlyList<string> Regions,
    string? Severity);
