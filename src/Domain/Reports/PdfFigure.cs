namespace FinOps.Domain.Reports;

/// <summary>A figure box of a PDF page: its caption, the figure, and an optional note set small beside the figure.</summary>
internal sealed record PdfFigure(string Caption, string Value, string? Note = null);
