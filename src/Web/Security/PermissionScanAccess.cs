using System.Security.Claims;
using FinOps.Domain.Scanning;
using FinOps.Web.Mcp;

namespace FinOps.Web.Security;

/// <summary>
/// A question no cached scan answers makes the app scan, so it needs what <c>start_scan</c> needs:
/// <see cref="FinOpsAction.Scan"/> (analysts and up, the <c>finops:scan</c> scope, the local user of local mode).
/// Refusals and the scans let through are both written to the audit trail.
/// </summary>
public sealed class PermissionScanAccess(AuditTrail audit) : IScanAccess
{
    public string? DenialReason(ClaimsPrincipal? user)
    {
        if (user.Has(FinOpsAction.Scan))
        {
            return null;
        }

        audit.Denied(user, FinOpsAction.Scan, "a scan of its own for an MCP question no cached scan answers");
        return "Scanning " + FinOpsPermissions.Needs(FinOpsAction.Scan, user);
    }

    public void Started(ClaimsPrincipal? user, string tool, ScanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var regions = request.Regions.IsEmpty ? "every enabled region" : string.Join(", ", request.Regions);
        audit.ScanStarted(user, "mcp:" + tool, $"no cached scan answered: types {request.Scope.TypesText}; {regions}");
    }
}
