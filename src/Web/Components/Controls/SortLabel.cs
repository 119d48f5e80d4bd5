using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// A sortable column header that names itself: MudTable lists its sort labels in a select for small screens and shows
/// the chosen one as text, which for a plain <see cref="MudTableSortLabel{T}"/> is its .NET type name.
/// </summary>
/// <typeparam name="T">The table's row type.</typeparam>
public sealed class SortLabel<T> : MudTableSortLabel<T>
{
    /// <summary>The column's name, as the small-screen sort select shows it.</summary>
    [Parameter, EditorRequired]
    public required string Label { get; set; }

    public override string ToString() => Label;
}
