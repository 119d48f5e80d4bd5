using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>One headline figure: a title, the value (already formatted), a caption and an optional link.</summary>
public sealed partial class HeadlineCard
{
    [Parameter, EditorRequired]
    public required string Title { get; set; }

    [Parameter, EditorRequired]
    public required string Value { get; set; }

    /// <summary>data-testid of the value element (the card gets <c>{id}-card</c>).</summary>
    [Parameter, EditorRequired]
    public required string ValueTestId { get; set; }

    [Parameter]
    public string? ValueTitle { get; set; }

    /// <summary>The value's colour (e.g. a score against its target); the text colour by default.</summary>
    [Parameter]
    public Color ValueColor { get; set; } = Color.Default;

    [Parameter]
    public string? Caption { get; set; }

    [Parameter]
    public RenderFragment? Badge { get; set; }

    /// <summary>How the value moved (already worded, e.g. "▲ 2.1 pts since last scan"); nothing shown when empty.</summary>
    [Parameter]
    public IReadOnlyList<string>? Changes { get; set; }

    [Parameter]
    public string? Href { get; set; }

    [Parameter]
    public string? LinkText { get; set; }

    private string CardTestId => ValueTestId + "-card";
}
