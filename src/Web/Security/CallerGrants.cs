using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// Works out what a caller may do from what its credential says, and stamps it on the identity (see
/// <see cref="PermissionClaims"/>): a signed-in person by role; an access token by its scopes, capped by the role when
/// the token carries one; an API key by its configured role or scopes; local mode by <c>AnonymousRole</c>.
/// </summary>
public sealed class CallerGrants(IOptionsMonitor<FinOpsAuthOptions> options)
{
    private FinOpsAuthOptions Settings => options.CurrentValue;

    /// <summary>The highest FinOps role named by the identity's role claims, or null when none maps.</summary>
    public FinOpsRole? RoleFrom(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var values = RoleClaimValues(identity);
        FinOpsRole? best = null;
        foreach (var role in Enum.GetValues<FinOpsRole>())
        {
            if (Settings.Roles.ValuesFor(role).Any(values.Contains) && (best is null || role > best))
            {
                best = role;
            }
        }

        return best;
    }

    /// <summary>Stamps a person signed in to the dashboard: permissions of their role (none without one).</summary>
    public void StampSignedInUser(ClaimsIdentity identity)
    {
        var role = RoleFrom(identity);
        PermissionClaims.Stamp(identity, PersonName(identity), role, role is { } r ? FinOpsPermissions.ForRole(r) : []);
    }

    /// <summary>
    /// Stamps the caller of a validated access token: its FinOps scopes, capped by its role when it carries role claims
    /// (a token on behalf of a viewer cannot scan whatever scopes the client asked for).
    /// </summary>
    public void StampAccessToken(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var permissions = FinOpsPermissions.ForScopes(ScopesOf(identity));
        FinOpsRole? role = null;
        if (RoleClaimValues(identity).Count > 0)
        {
            role = RoleFrom(identity);
            permissions = permissions.Intersect(role is { } r ? FinOpsPermissions.ForRole(r) : []);
        }

        var actor = identity.FindFirst("sub")?.Value is { Length: > 0 } sub
            && identity.FindFirst("client_id")?.Value is { Length: > 0 } client && !string.Equals(sub, client, StringComparison.Ordinal)
            ? $"{PersonName(identity)} via {client}"
            : identity.FindFirst("client_id")?.Value ?? PersonName(identity);
        PermissionClaims.Stamp(identity, actor, role, permissions);
    }

    /// <summary>The identity of a caller that presented a configured API key.</summary>
    public ClaimsIdentity ForApiKey(ApiKeySettings key, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(key);
        var identity = new ClaimsIdentity(authenticationType, PermissionClaims.Actor, PermissionClaims.Role);
        FinOpsRole? role = FinOpsPermissions.TryParseRole(key.Role, out var parsed) ? parsed : null;
        var permissions = role is { } r ? FinOpsPermissions.ForRole(r) : FinOpsPermissions.ForScopes(key.Scopes);
        PermissionClaims.Stamp(identity, "api-key:" + key.Name, role, permissions);
        // A stable subject: stateful MCP sessions are bound to it.
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, "api-key:" + key.Name));
        return identity;
    }

    /// <summary>The identity of everyone using the app without sign-in (local mode).</summary>
    public ClaimsIdentity ForAnonymous()
    {
        var identity = new ClaimsIdentity(PermissionClaims.LocalAuthenticationType, PermissionClaims.Actor, PermissionClaims.Role);
        var role = FinOpsPermissions.TryParseRole(Settings.AnonymousRole, out var parsed) ? parsed : FinOpsRole.Viewer;
        PermissionClaims.Stamp(identity, "local", role, FinOpsPermissions.ForRole(role));
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, "local"));
        return identity;
    }

    /// <summary>Scopes of an access token: <c>scope</c> (space-separated, RFC 9068) or <c>scp</c> (one claim per scope or space-separated).</summary>
    public static ImmutableArray<string> ScopesOf(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return [.. identity.FindAll(c => c.Type is "scope" or "scp")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)];
    }

    private HashSet<string> RoleClaimValues(ClaimsIdentity identity) =>
        [.. identity.FindAll(Settings.RoleClaim).Select(c => c.Value.Trim()).Where(v => v.Length > 0)];

    private static string PersonName(ClaimsIdentity identity) =>
        identity.FindFirst("name")?.Value
        ?? identity.FindFirst("preferred_username")?.Value
        ?? identity.FindFirst("email")?.Value
        ?? identity.FindFirst("sub")?.Value
        ?? "unknown";
}
