using System.Security.Claims;
using FinOps.Web.Mcp;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// Who may save the tagging policy through MCP: callers with <see cref="FinOpsAction.EditPolicy"/> (admins, the
/// <c>finops:policy:write</c> scope, the local user of local mode), and only while <c>FinOps:Mcp:AllowPolicyEdit</c> is on.
/// Every refusal is written to the audit trail.
/// </summary>
public sealed class PermissionPolicyEditAccess(IOptionsMonitor<FinOpsMcpOptions> options, AuditTrail audit) : IPolicyEditAccess
{
    public ValueTask<string?> DenialReasonAsync(ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.AllowPolicyEdit)
        {
            audit.Denied(user, FinOpsAction.EditPolicy, "saving the tagging policy over MCP, which FinOps:Mcp:AllowPolicyEdit turns off for everyone");
            return ValueTask.FromResult<string?>("Editing the tagging policy over MCP is turned off (FinOps:Mcp:AllowPolicyEdit is false).");
        }

        if (user.Has(FinOpsAction.EditPolicy))
        {
            return ValueTask.FromResult<string?>(null);
        }

        audit.Denied(user, FinOpsAction.EditPolicy, "saving the tagging policy over MCP");
        return ValueTask.FromResult<string?>("Saving the tagging policy " + FinOpsPermissions.Needs(FinOpsAction.EditPolicy, user));
    }
}
