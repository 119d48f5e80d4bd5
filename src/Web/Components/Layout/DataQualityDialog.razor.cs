using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Layout;

/// <summary>The data-quality details behind the app bar's badge.</summary>
public sealed partial class DataQualityDialog
{
    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    private void Close() => Dialog.Close();
}
