using System.Diagnostics.CodeAnalysis;

namespace FinOps.Web.Links;

/// <summary>Wire names, content types and file extensions of <see cref="ReportFileFormat"/>.</summary>
public static class ReportFileFormats
{
    /// <summary>The accepted <c>format</c> values, as the error message and the OpenAPI description list them.</summary>
    public const string Accepted = "pdf, xlsx, csv";

    public const string PdfContentType = "application/pdf";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static string ToWire(this ReportFileFormat format) => format switch
    {
        ReportFileFormat.Xlsx => "xlsx",
        ReportFileFormat.Csv => "csv",
        _ => "pdf",
    };

    public static string ContentType(this ReportFileFormat format) => format switch
    {
        ReportFileFormat.Xlsx => XlsxContentType,
        ReportFileFormat.Csv => CsvContentType,
        _ => PdfContentType,
    };

    /// <summary>Parses <c>pdf</c>, <c>xlsx</c> or <c>csv</c> (any letter case); the error says what is accepted.</summary>
    public static bool TryParse(string? text, out ReportFileFormat format, [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "pdf":
                format = ReportFileFormat.Pdf;
                return true;
            case "xlsx":
                format = ReportFileFormat.Xlsx;
                return true;
            case "csv":
                format = ReportFileFormat.Csv;
                return true;
            case null or "":
                format = default;
                error = $"format is required; accepted: {Accepted}.";
                return false;
            default:
                format = default;
                error = $"Unknown format '{ExportLinks.Shorten(text)}'; accepted: {Accepted}.";
                return false;
        }
    }
}
