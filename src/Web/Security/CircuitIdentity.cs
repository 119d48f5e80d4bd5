using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace FinOps.Web.Security;

/// <summary>The identity the running app gives a dashboard circuit (registered with the security services).</summary>
public sealed class CircuitIdentity(AuthenticationStateProvider provider)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await provider.GetAuthenticationStateAsync().ConfigureAwait(false)).User;
}
