using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Mcp;

/// <summary>The permission from <see cref="FinOpsMcpOptions.AllowPolicyEdit"/>: everyone or no one (until roles exist).</summary>
public sealed class SettingsPolicyEditAccess(IOptionsMonitor<FinOpsMcpOptions> options) : IPolicyEditAccess
{
    public ValueTask<string?> DenialReasonAsync(ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.CurrentValue.AllowPolicyEdit
            ? null
            : "Editing the tagging policy over MCP is turned off (FinOps:Mcp:AllowPolicyEdit is false).");
}
