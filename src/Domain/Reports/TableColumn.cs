namespace FinOps.Domain.Reports;

/// <summary>A column of a PDF table: its header, what it holds, and its share of the width left over for text.</summary>
internal sealed record TableColumn(string Header, TableColumnKind Kind, double Weight = 1)
{
    /// <summary>Numbers are right-aligned.</summary>
    public bool RightAligned => Kind == TableColumnKind.Figure;

    /// <summary>A column of numbers, money, percentages or ranks.</summary>
    public static TableColumn Figure(string header) => new(header, TableColumnKind.Figure);

    /// <summary>A column of short words shown whole.</summary>
    public static TableColumn Label(string header) => new(header, TableColumnKind.Label);

    /// <summary>A column of names or lists that takes the width left, weighted against other text columns.</summary>
    public static TableColumn Text(string header, double weight = 1) => new(header, TableColumnKind.Text, weight);
}
