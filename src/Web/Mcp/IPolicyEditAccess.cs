using System.Security.Claims;

namespace FinOps.Web.Mcp;

/// <summary>Decides whether a caller may save the tagging policy (implemented by the sign-in/roles feature).</summary>
public interface IPolicyEditAccess
{
    /// <summary>Null when <paramref name="user"/> may edit the policy, otherwise the reason, for people.</summary>
    ValueTask<string?> DenialReasonAsync(ClaimsPrincipal? user, CancellationToken cancellationToken);
}
