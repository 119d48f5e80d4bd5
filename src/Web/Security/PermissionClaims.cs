using System.Collections.Immutable;
using System.Security.Claims;

namespace FinOps.Web.Security;

/// <summary>
/// The claims the app adds to every authenticated caller: what it may do (one claim per permission, the scope name as
/// value), who it is for logs and the audit trail, its FinOps role if it has one, and when a dashboard session ends.
/// </summary>
public static class PermissionClaims
{
    /// <summary>One per permission; the value is the permission's scope name (e.g. <c>finops:scan</c>).</summary>
    public const string Permission = "finops:permission";

    /// <summary>Who acts: a person's name, a client id, or <c>api-key:NAME</c>.</summary>
    public const string Actor = "finops:actor";

    /// <summary>The FinOps role the caller was mapped to, when it has one.</summary>
    public const string Role = "finops:role";

    /// <summary>Unix seconds at which a dashboard session ends.</summary>
    public const string SessionExpires = "finops:session_expires";

    /// <summary>The identity's authentication type for callers of local mode (no sign-in).</summary>
    public const string LocalAuthenticationType = "FinOps.Local";

    /// <summary>Adds permission, actor and role claims to <paramref name="identity"/>, replacing earlier ones.</summary>
    public static void Stamp(ClaimsIdentity identity, string actor, FinOpsRole? role, IEnumerable<FinOpsAction> permissions)
    {
        ArgumentNullException.ThrowIfNull(identity);
        foreach (var claim in identity.Claims.Where(c => c.Type is Permission or Actor or Role).ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaim(new Claim(Actor, actor));
        if (role is { } r)
        {
            identity.AddClaim(new Claim(Role, FinOpsPermissions.NameOf(r)));
        }

        foreach (var permission in permissions.Distinct().Order())
        {
            identity.AddClaim(new Claim(Permission, FinOpsPermissions.ScopeOf(permission)));
        }
    }

    /// <summary>Whether the caller may do <paramref name="permission"/>.</summary>
    public static bool Has(this ClaimsPrincipal? user, FinOpsAction permission) =>
        user?.Identity?.IsAuthenticated == true
        && user.HasClaim(Permission, FinOpsPermissions.ScopeOf(permission));

    /// <summary>Everything the caller may do.</summary>
    public static ImmutableHashSet<FinOpsAction> PermissionsOf(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? [.. user.FindAll(Permission)
                .Select(c => FinOpsPermissions.TryParseScope(c.Value, out var p) ? p : (FinOpsAction?)null)
                .OfType<FinOpsAction>()]
            : [];

    /// <summary>Who acts, for logs: the actor claim, else the identity's name, else "anonymous".</summary>
    public static string ActorOf(this ClaimsPrincipal? user) =>
        user?.FindFirst(Actor)?.Value is { Length: > 0 } actor ? actor
        : user?.Identity?.Name is { Length: > 0 } name ? name
        : "anonymous";

    /// <summary>The FinOps role the caller was mapped to, or null.</summary>
    public static FinOpsRole? RoleOf(this ClaimsPrincipal? user) =>
        FinOpsPermissions.TryParseRole(user?.FindFirst(Role)?.Value, out var role) ? role : null;
}
