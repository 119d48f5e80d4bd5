using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// Local mode (no sign-in configured): every request is the local user, with the permissions of
/// <c>FinOps:Auth:AnonymousRole</c> (admin unless narrowed). Refused pages go to the access-denied page.
/// </summary>
public sealed class LocalAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CallerGrants grants)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(grants.ForAnonymous()), Scheme.Name)));

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.Redirect(AccountEndpoints.AccessDeniedPath);
        return Task.CompletedTask;
    }
}
