using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace FinOps.Web.Security;

/// <summary>
/// Records every refusal of a signed-in caller in the audit trail, and tells machines exactly which scope or role
/// they lack (403 problem; <c>WWW-Authenticate: Bearer error="insufficient_scope"</c> for tokens). Challenges and
/// dashboard refusals keep the default behaviour (sign-in redirect, access-denied page).
/// </summary>
public sealed class FinOpsAuthorizationResultHandler(AuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        var needed = FinOpsPolicies.NeededBy(authorizeResult.AuthorizationFailure) ?? FinOpsAction.Read;
        audit.Denied(context.User, needed, $"{context.Request.Method} {context.Request.Path}");
        if (!RequestKinds.IsMachine(context.Request))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        var scope = FinOpsPermissions.ScopeOf(needed);
        if (RequestKinds.HasBearerToken(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"";
        }

        var role = FinOpsPermissions.NameOf(FinOpsPermissions.LeastRoleWith(needed));
        await MachineResponses.WriteProblemAsync(context, StatusCodes.Status403Forbidden, "Not allowed",
            $"'{context.User.ActorOf()}' may not do this: it needs the {scope} scope (or, for a person or API key, the {role} role).")
            .ConfigureAwait(false);
    }
}
