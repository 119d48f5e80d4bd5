using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>One labelled fact of a <see cref="FactGrid"/> (a term and its description).</summary>
public sealed partial class Fact
{
    [Parameter, EditorRequired]
    public required string Label { get; set; }

    [Parameter, EditorRequired]
    public required RenderFragment ChildContent { get; set; }

    [Parameter]
    public string? TestId { get; set; }
}
