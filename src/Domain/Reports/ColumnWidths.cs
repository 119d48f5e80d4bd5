namespace FinOps.Domain.Reports;

/// <summary>
/// Shares a table's width between its columns: every column first gets what it needs, then figures and labels grow to
/// fit their widest cell on one line, then text columns grow toward theirs; what is still left goes to the text
/// columns by weight (or evenly to all columns when there is no text column).
/// </summary>
internal static class ColumnWidths
{
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

        slack = Grow(widths, columns, c => !c.IsText, slack);
        slack = Grow(widths, columns, c => c.IsText, slack);
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

    /// <summary>Grows the chosen columns toward their wanted width, in proportion to what each lacks; returns the slack left.</summary>
    private static double Grow(double[] widths, IReadOnlyList<ColumnMeasure> columns, Func<ColumnMeasure, bool> chosen, double slack)
    {
        var lacking = Enumerable.Range(0, columns.Count).Where(i => chosen(columns[i]) && columns[i].Want > widths[i]).ToList();
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
