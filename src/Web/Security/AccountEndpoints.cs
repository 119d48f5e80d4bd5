using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// Sign-in and sign-out. <c>GET /account/login?returnUrl=…</c> starts a sign-in at the OpenID provider and comes back
/// to the page (what an expired session uses); <c>POST /account/logout</c> (antiforgery-checked) ends the session
/// here and at the provider. In local mode both simply go back to the app.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string AccessDeniedPath = "/access-denied";

    /// <summary>The sign-in URL that returns to <paramref name="returnUrl"/>.</summary>
    public static string LoginUrl(string returnUrl) => $"{LoginPath}?returnUrl={Uri.EscapeDataString(ReturnUrls.Local(returnUrl))}";

    public static RouteGroupBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        account.MapGet("/login", (string? returnUrl, IOptions<FinOpsAuthOptions> options) =>
        {
            var target = ReturnUrls.Local(returnUrl);
            return options.Value.SignInConfigured
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.LocalRedirect(target);
        });

        account.MapPost("/logout", (HttpContext context, IOptions<FinOpsAuthOptions> options, AuditTrail audit) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                return Results.Problem("The sign-out form expired; reload the page and sign out again.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Invalid form");
            }

            if (!options.Value.SignInConfigured)
            {
                return Results.LocalRedirect("/");
            }

            if (context.User.Identity?.IsAuthenticated == true)
            {
                audit.SignedOut(context.User);
            }

            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [FinOpsSchemes.Session, OpenIdConnectDefaults.AuthenticationScheme]);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return account;
    }
}
