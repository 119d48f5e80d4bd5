using FinOps.Domain.Costs;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// A column of the cost breakdown that only shows when some row has money in it (untaggable, unallocated, out of
/// scope): a column of zeros says nothing.
/// </summary>
/// <param name="Key">The column's name in the markup (<c>data-column</c>).</param>
/// <param name="Header">The column's heading.</param>
/// <param name="Figure">The row's figure for the column.</param>
internal sealed record GapColumn(string Key, string Header, Func<AttributionGapRow, CostFigure> Figure)
{
    /// <summary>The optional columns, in their order.</summary>
    public static IReadOnlyList<GapColumn> All { get; } =
    [
        new("untaggable", "Untaggable", r => r.Untaggable),
        new("unallocated", "Unallocated", r => r.Unallocated),
        new("out_of_scope", "Out of scope", r => r.OutOfScope),
    ];

    /// <summary>Whether any row of the report, or its total, has money in this column.</summary>
    public bool HasMoneyIn(AttributionGapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Figure(report.Overall).Cents != 0 || report.Rows.Any(r => Figure(r).Cents != 0);
    }
}
