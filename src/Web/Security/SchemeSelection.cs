using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using ModelContextProtocol.AspNetCore.Authentication;

namespace FinOps.Web.Security;

/// <summary>
/// Which scheme authenticates, challenges and forbids a request. Machines (<c>/mcp</c>, <c>/api</c>) authenticate with
/// bearer tokens (when sign-in is configured) or API keys; the export API also accepts the dashboard's session so
/// its download links work; everything else is the dashboard (session cookie, or the local user in local mode).
/// </summary>
public sealed class SchemeSelection(FinOpsAuthOptions settings, bool apiKeys)
{
    private bool SignIn => settings.SignInConfigured;

    /// <summary>The scheme that authenticates <paramref name="context"/>.</summary>
    public string Authenticate(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (RequestKinds.IsMachine(request))
        {
            if (SignIn && RequestKinds.HasBearerToken(request))
            {
                return JwtBearerDefaults.AuthenticationScheme;
            }

            if (RequestKinds.ApiKeyOf(request) is not null)
            {
                // A presented key is checked even when none is configured: it is refused rather than ignored.
                return FinOpsSchemes.ApiKey;
            }

            if (RequestKinds.IsMcp(request) && (SignIn || apiKeys))
            {
                // Protected MCP: no credentials means no identity (the API-key scheme finds none).
                return FinOpsSchemes.ApiKey;
            }
        }

        return SignIn ? FinOpsSchemes.Session : FinOpsSchemes.Local;
    }

    /// <summary>The scheme that asks an unauthenticated caller for credentials.</summary>
    public string Challenge(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RequestKinds.IsMachine(context.Request))
        {
            // With sign-in, machines get 401 + the RFC 9728 resource_metadata pointer; otherwise a 401 problem.
            return SignIn ? McpAuthenticationDefaults.AuthenticationScheme : FinOpsSchemes.ApiKey;
        }

        return SignIn ? OpenIdConnectDefaults.AuthenticationScheme : FinOpsSchemes.Local;
    }

    /// <summary>The scheme that refuses a caller who lacks the permission.</summary>
    public string Forbid(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RequestKinds.IsMachine(context.Request))
        {
            return FinOpsSchemes.ApiKey;
        }

        return SignIn ? FinOpsSchemes.Session : FinOpsSchemes.Local;
    }
}
