using FinOps.Domain.Policy;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>The changes a proposed policy makes to the one in force: tags added, removed or changed, and rule changes.</summary>
public sealed partial class PolicyDiffView
{
    [Parameter, EditorRequired]
    public required PolicyDiff Diff { get; set; }

    private static Color Colour(PolicyChangeKind kind) => kind switch
    {
        PolicyChangeKind.Added => Color.Success,
        PolicyChangeKind.Removed => Color.Error,
        _ => Color.Info,
    };
}
