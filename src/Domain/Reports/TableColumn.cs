namespace FinOps.Domain.Reports;

/// <summary>A column of a PDF table: its header, its share of the width, and whether it holds numbers (right-aligned).</summary>
internal sealed record TableColumn(string Header, double Weight, bool RightAligned = false);
