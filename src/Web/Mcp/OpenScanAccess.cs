using System.Security.Claims;
using FinOps.Domain.Scanning;

namespace FinOps.Web.Mcp;

/// <summary>Every caller may cause a scan (the MCP server hosted without the sign-in/roles feature).</summary>
public sealed class OpenScanAccess : IScanAccess
{
    public string? DenialReason(ClaimsPrincipal? user) => null;

    public void Started(ClaimsPrincipal? user, string tool, ScanRequest request)
    {
    }
}
