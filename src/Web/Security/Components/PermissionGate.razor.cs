using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Security.Components;

/// <summary>
/// Renders <see cref="ChildContent"/> when the user may do <see cref="Action"/>, otherwise <see cref="Denied"/>
/// (nothing by default). Hiding is enforcement in Blazor Server: a button that is not rendered has no handler to call.
/// </summary>
public sealed partial class PermissionGate
{
    private bool? _allowed;

    [Parameter, EditorRequired]
    public required FinOpsAction Action { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    [Parameter]
    public RenderFragment? Denied { get; set; }

    [Inject]
    public required DashboardUser User { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _allowed = (await User.PrincipalAsync()).Has(Action);
    }
}
