namespace FinOps.Domain.Reports;

/// <summary>What a PDF table column holds: it decides the column's alignment, its width and whether its text may ever be shortened.</summary>
internal enum TableColumnKind
{
    /// <summary>Numbers, money, percentages, ranks: right-aligned and always shown whole.</summary>
    Figure,

    /// <summary>Short words (region, status, resource type): shown whole, wrapped at a space only when space is short.</summary>
    Label,

    /// <summary>Names, ARNs, lists: gets the width the other columns leave, wraps, and only past its last line is shortened.</summary>
    Text,
}
