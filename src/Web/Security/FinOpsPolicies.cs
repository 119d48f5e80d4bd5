using Microsoft.AspNetCore.Authorization;

namespace FinOps.Web.Security;

/// <summary>Authorization policies, one per permission: <c>[Authorize(Policy = FinOpsPolicies.Export)]</c>.</summary>
public static class FinOpsPolicies
{
    public const string Read = "FinOps.Read";
    public const string Scan = "FinOps.Scan";
    public const string Export = "FinOps.Export";
    public const string EditPolicy = "FinOps.EditPolicy";
    public const string RequestWaiver = "FinOps.RequestWaiver";
    public const string ApproveWaiver = "FinOps.ApproveWaiver";
    public const string EditSchedules = "FinOps.EditSchedules";

    /// <summary>The policy that requires <paramref name="permission"/>.</summary>
    public static string For(FinOpsAction permission) => permission switch
    {
        FinOpsAction.Read => Read,
        FinOpsAction.Scan => Scan,
        FinOpsAction.Export => Export,
        FinOpsAction.EditPolicy => EditPolicy,
        FinOpsAction.RequestWaiver => RequestWaiver,
        FinOpsAction.ApproveWaiver => ApproveWaiver,
        FinOpsAction.EditSchedules => EditSchedules,
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
    };

    /// <summary>Adds one policy per permission: an authenticated caller with the permission's claim.</summary>
    public static void AddTo(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var permission in Enum.GetValues<FinOpsAction>())
        {
            options.AddPolicy(For(permission), policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(PermissionClaims.Permission, FinOpsPermissions.ScopeOf(permission)));
        }
    }

    /// <summary>The permission a failed policy asked for, read back from its claim requirement.</summary>
    public static FinOpsAction? NeededBy(AuthorizationFailure? failure) =>
        failure?.FailedRequirements
            .OfType<Microsoft.AspNetCore.Authorization.Infrastructure.ClaimsAuthorizationRequirement>()
            .Where(r => r.ClaimType == PermissionClaims.Permission)
            .SelectMany(r => r.AllowedValues ?? [])
            .Select(v => FinOpsPermissions.TryParseScope(v, out var p) ? p : (FinOpsAction?)null)
            .FirstOrDefault(p => p is not null);
}
