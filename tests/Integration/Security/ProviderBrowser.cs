using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using ModelContextProtocol.Authentication;

namespace FinOps.Tests.Integration.Security;

/// <summary>
/// Plays the person at the browser for an OAuth client under test: opens the authorization URL at the local provider,
/// fills in its login form, follows the redirects and hands back what arrives at the redirect URI (code, state, iss).
/// </summary>
public sealed partial class ProviderBrowser(OidcTestProvider provider, string user) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    /// <summary>How many times the login form was filled in.</summary>
    public int SignIns { get; private set; }

    /// <summary>The authorization callback of <see cref="ClientOAuthOptions"/>.</summary>
    public async Task<AuthorizationResult?> AuthorizeAsync(AuthorizationCallbackContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var redirect = context.RedirectUri.GetLeftPart(UriPartial.Path);
        var next = context.AuthorizationUri;
        for (var hop = 0; hop < 20; hop++)
        {
            if (next.GetLeftPart(UriPartial.Path) == redirect)
            {
                var query = QueryHelpers.ParseQuery(next.Query);
                if (query.TryGetValue("error", out var error))
                {
                    Assert.Fail($"the provider refused: {error} {query.GetValueOrDefault("error_description")}");
                }

                return new AuthorizationResult
                {
                    Code = query["code"].ToString(),
                    State = query["state"].ToString(),
                    Iss = query.TryGetValue("iss", out var iss) ? iss.ToString() : null,
                };
            }

            using var response = await _http.GetAsync(next, cancellationToken);
            if (response.Headers.Location is { } location)
            {
                next = location.IsAbsoluteUri ? location : new Uri(next, location);
                continue;
            }

            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            var action = FormAction().Match(html);
            Assert.True(action.Success, $"expected the provider's login form at {next}, got {(int)response.StatusCode}: {html[..Math.Min(400, html.Length)]}");
            SignIns++;
            using var login = await _http.PostAsync(new Uri(new Uri(provider.Issuer), action.Groups[1].Value),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = OidcTestProvider.Password }),
                cancellationToken);
            Assert.True(login.Headers.Location is not null, $"the login form did not redirect ({(int)login.StatusCode})");
            next = login.Headers.Location!.IsAbsoluteUri ? login.Headers.Location : new Uri(new Uri(provider.Issuer), login.Headers.Location);
        }

        throw new InvalidOperationException("The authorization did not reach the redirect URI within 20 redirects.");
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
