using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace FinOps.Web.Security.Components;

/// <summary>
/// Renders <see cref="ChildContent"/> when the user may do <see cref="Permission"/>, otherwise <see cref="Denied"/>
/// (nothing by default). Hiding is enforcement in Blazor Server: a button that is not rendered has no handler to call.
/// </summary>
public sealed partial class PermissionGate
{
    private bool? _allowed;

    [Parameter, EditorRequired]
    public required FinOpsAction Permission { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    [Parameter]
    public RenderFragment? Denied { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    public required DashboardUser User { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        var principal = AuthenticationState is { } state ? (await state).User : await User.PrincipalAsync();
        _allowed = principal.Has(Permission);
    }
}
