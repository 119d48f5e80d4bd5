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
    [property: Description("Whether the figures measure anything. False: no region of the report was listed; score and gap are unknown (null).")] bool Measured,
    double? ScorePercent,
    [property: Description("True when the report measured something and no resource is in scope of a required tag: the score is then 100% by definition, not a measurement.")] bool NothingInScope,
    decimal? GapUsd,
    string DataQuality);
