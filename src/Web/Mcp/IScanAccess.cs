using System.Security.Claims;
using FinOps.Domain.Scanning;

namespace FinOps.Web.Mcp;

/// <summary>
/// Decides whether a read tool may make the app scan a narrower list of types because no cached scan answers its
/// question (implemented by the sign-in/roles feature), and records every scan a question causes. <c>start_scan</c> and
/// <c>force_refresh</c> are checked before the tool runs.
/// </summary>
public interface IScanAccess
{
    /// <summary>Null when <paramref name="user"/> may cause a scan, otherwise the reason, for people.</summary>
    string? DenialReason(ClaimsPrincipal? user);

    /// <summary>Records that <paramref name="tool"/> started a scan of <paramref name="request"/> for <paramref name="user"/>.</summary>
    void Started(ClaimsPrincipal? user, string tool, ScanRequest request);
}
