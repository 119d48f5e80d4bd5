using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of generate_compliance_report.</summary>
public sealed record ReportAnswer(
    [property: Description("json, markdown or csv.")] string Format,
    string MediaType,
    string FileName,
    [property: Description("The report.")] string Content,
    [property: Description("UTF-8 size of the content.")] int Bytes,
    string ScanId,
    DateTimeOffset AsOf,
    IReadOnlyList<string> Regions,
    PeriodAnswer Period,
    double ScorePercent,
    decimal GapUsd,
    string DataQuality);
