using System.Security.Claims;
using FinOps.Web.Mcp;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// Who may save the tagging policy through MCP: callers with <see cref="FinOpsAction.EditPolicy"/> (admins, the
/// <c>finops:policy:write</c> scope, the local user of local mode), and only while <c>FinOps:Mcp:AllowPolicyEdit</c> is on.
/// </summary>
public sealed class PermissionPolicyEditAccess(IOptionsMonitor<FinOpsMcpOptions> options) : IPolicyEditAccess
{
    public ValueTask<string?> DenialReasonAsync(ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.AllowPolicyEdit)
        {
            return ValueTask.FromResult<string?>("Editing the tagging policy over MCP is turned off (FinOps:Mcp:AllowPolicyEdit is false).");
        }

        return ValueTask.FromResult(user.Has(FinOpsAction.EditPolicy)
            ? null
            : "Saving the tagging policy " + FinOpsPermissions.Needs(FinOpsAction.EditPolicy, user));
    }
}
