using System.Net;

namespace FinOps.Tests.Integration.Security;

/// <summary>With sign-in configured, pages and the circuit's hub need a session; only health, static files and the access-denied page do not.</summary>
[Collection(ProviderCollection.Name)]
public sealed class DashboardProtectionTests(OidcTestProvider provider)
{
    [Fact]
    public async Task Pages_send_anonymous_visitors_to_the_provider_and_the_circuit_hub_refuses_them()
    {
        using var app = SecuredAppHost.StartSignedIn(provider);
        using var http = app.NewHttpClient();

        using var page = await http.GetAsync("/costs?metric=amortized");
        using var hub = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        using var denied = await http.GetAsync("/access-denied");
        using var login = await http.GetAsync("/account/login?returnUrl=//evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(provider.Issuer + "/auth?", page.Headers.Location!.ToString());
        // The handler pushes the request (PAR) with its PKCE challenge; the provider requires PKCE, so sign-in proves it.
        Assert.Contains("client_id=finops-dashboard", page.Headers.Location!.Query);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith(provider.Issuer + "/auth?", login.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused()
    {
        using var app = SecuredAppHost.StartSignedIn(provider);
        using var http = app.NewHttpClient();

        using var response = await http.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
