using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// A group heading inside a MudSelect's list. MudSelect renders its items a second time, hidden, to learn their texts;
/// the heading stays out of that copy (the <c>HideContent</c> cascade), or it would show up beside the select.
/// </summary>
public sealed partial class SelectGroupHeader
{
    [CascadingParameter(Name = "HideContent")]
    public bool Hidden { get; set; }

    [Parameter, EditorRequired]
    public required string Text { get; set; }
}
