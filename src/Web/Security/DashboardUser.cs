using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// The person using a dashboard page, for pages that act (scan, save the policy): may they, and who are they for the
/// audit trail. Reads the circuit's identity (<see cref="CircuitIdentity"/>); where the app's security services are not
/// there (a page rendered on its own, e.g. in component tests) it is the local user in local mode and nobody otherwise,
/// so a missing identity never grants more.
/// </summary>
public sealed class DashboardUser(IServiceProvider services, IOptions<FinOpsAuthOptions> options, CallerGrants grants)
{
    /// <summary>The current principal.</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync()
    {
        if (services.GetService<CircuitIdentity>() is { } circuit)
        {
            return await circuit.PrincipalAsync().ConfigureAwait(false);
        }

        return options.Value.SignInConfigured ? new ClaimsPrincipal(new ClaimsIdentity()) : new ClaimsPrincipal(grants.ForAnonymous());
    }

    /// <summary>Whether the current user may do <paramref name="permission"/>.</summary>
    public async Task<bool> MayAsync(FinOpsAction permission) => (await PrincipalAsync().ConfigureAwait(false)).Has(permission);
}
