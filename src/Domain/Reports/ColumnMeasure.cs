namespace FinOps.Domain.Reports;

/// <summary>
/// How wide a PDF table column must be (its header, and every word it may not cut) and would like to be (its widest
/// cell on one line), in points including padding; <paramref name="IsText"/> columns take the width left over.
/// </summary>
internal readonly record struct ColumnMeasure(double Need, double Want, bool IsText, double Weight);
