namespace FinOps.Domain.Reports;

/// <summary>
/// Shares a table's width between its columns: every column first gets what it needs, then figures and labels grow to
/// fit their widest cell on one line (those lacking least first), then text columns grow toward theirs; what is still
/// left goes to the text columns by weight (or evenly to all columns when there is no text column).
/// </summary>
internal static class ColumnWidths
{
    /// <summary>Whether every figure and label fits on one line while text columns keep what they need.</summary>
    public static bool FitOnOneLine(IReadOnlyList<ColumnMeasure> columns, double width)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return columns.Sum(c => c.IsText ? c.Need : c.Want) <= width + 0.001;
    }

    /// <summary>The widths, summing to <paramref name="width"/>; null when the columns' needs alone do not fit.</summary>
    public static double[]? Allocate(IReadOnlyList<ColumnMeasure> columns, double width)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var widths = columns.Select(c => c.Need).ToArray();
        var slack = width - widths.Sum();
        if (slack < -0.001)
        {
            return null;
        }

        slack = GrowSmallestFirst(widths, columns, slack);
        slack = GrowInProportion(widths, columns, slack);
        if (slack > 0)
        {
            var receivers = Enumerable.Range(0, columns.Count).Where(i => columns[i].IsText).ToList();
            if (receivers.Count == 0)
            {
                receivers = [.. Enumerable.Range(0, columns.Count)];
            }

            var weights = receivers.Sum(i => columns[i].Weight);
            foreach (var i in receivers)
            {
                widths[i] += slack * columns[i].Weight / weights;
            }
        }

        return widths;
    }

    /// <summary>
    /// Grows figures and labels to their wanted width, those lacking least first, so that as few of their cells as
    /// possible wrap; returns the slack left.
    /// </summary>
    private static double GrowSmallestFirst(double[] widths, IReadOnlyList<ColumnMeasure> columns, double slack)
    {
        foreach (var i in Enumerable.Range(0, columns.Count).Where(i => !columns[i].IsText).OrderBy(i => columns[i].Want - widths[i]))
        {
            var grow = Math.Clamp(columns[i].Want - widths[i], 0, Math.Max(0, slack));
            widths[i] += grow;
            slack -= grow;
        }

        return slack;
    }

    /// <summary>Grows text columns toward their wanted width in proportion to what each lacks; returns the slack left.</summary>
    private static double GrowInProportion(double[] widths, IReadOnlyList<ColumnMeasure> columns, double slack)
    {
        var lacking = Enumerable.Range(0, columns.Count).Where(i => columns[i].IsText && columns[i].Want > widths[i]).ToList();
        var deficit = lacking.Sum(i => columns[i].Want - widths[i]);
        if (slack <= 0 || deficit <= 0)
        {
            return slack;
        }

        var share = Math.Min(1, slack / deficit);
        foreach (var i in lacking)
        {
            widths[i] += (columns[i].Want - widths[i]) * share;
        }

        return slack - deficit * share;
    }
}
