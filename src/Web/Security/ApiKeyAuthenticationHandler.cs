using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// Authenticates machines by API key, and answers every refusal on <c>/mcp</c> and <c>/api</c> that is not a bearer
/// challenge: 401 (no or unknown credentials) and 403 (not allowed) as problem details that say what to send.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys,
    CallerGrants grants,
    AuditTrail audit,
    IOptionsMonitor<FinOpsAuthOptions> settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = RequestKinds.ApiKeyOf(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!keys.TryMatch(presented, out var key))
        {
            audit.CredentialRejected("API key", Context.Connection.RemoteIpAddress?.ToString(), "no configured key has its hash");
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        audit.ApiKeyUsed(key.Name, Request.Method, Request.Path.Value ?? "/");
        var principal = new System.Security.Claims.ClaimsPrincipal(grants.ForApiKey(key, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var ways = settings.CurrentValue.SignInConfigured
            ? $"a bearer token from the configured OpenID provider (audience {settings.CurrentValue.Mcp.Audience}) or an API key in the {RequestKinds.ApiKeyHeader} header"
            : $"an API key in the {RequestKinds.ApiKeyHeader} header (or Authorization: ApiKey <key>)";
        var presented = RequestKinds.ApiKeyOf(Request) is not null;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{RequestKinds.ApiKeyHeader}\"";
        return MachineResponses.WriteProblemAsync(Context, StatusCodes.Status401Unauthorized,
            presented ? "The API key is not valid" : "Credentials required",
            $"This endpoint needs {ways}.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (RequestKinds.HasBearerToken(Request))
        {
            // RFC 6750 §3.1: tells an OAuth client that a token with more scope would do.
            Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
        }

        return MachineResponses.WriteProblemAsync(Context, StatusCodes.Status403Forbidden, "Not allowed",
            $"'{Context.User.ActorOf()}' may not do this with its role or scopes.");
    }
}
