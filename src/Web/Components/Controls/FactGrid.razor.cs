using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>A wrapping grid of <see cref="Fact"/>s.</summary>
public sealed partial class FactGrid
{
    [Parameter, EditorRequired]
    public required RenderFragment ChildContent { get; set; }

    [Parameter]
    public string? TestId { get; set; }
}
