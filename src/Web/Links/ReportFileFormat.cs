namespace FinOps.Web.Links;

/// <summary>The file formats of the region report export.</summary>
public enum ReportFileFormat
{
    /// <summary>A4 PDF for reading.</summary>
    Pdf,
    /// <summary>Spreadsheet for working.</summary>
    Xlsx,
    /// <summary>The region summary as RFC 4180 CSV.</summary>
    Csv,
}
