using System.Net;
using FinOps.Domain.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Integration.Security;

/// <summary>/health/live and /health/ready answer without sign-in and say only the status.</summary>
[Collection(ProviderCollection.Name)]
public sealed class HealthEndpointTests(OidcTestProvider provider)
{
    [Fact]
    public async Task Live_and_ready_answer_healthy_without_credentials_even_with_sign_in_configured()
    {
        using var app = SecuredAppHost.StartSignedIn(provider);
        using var http = app.NewHttpClient();

        using var live = await http.GetAsync("/health/live");
        using var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_is_unhealthy_when_the_stored_policy_does_not_load_and_says_nothing_more()
    {
        using var app = SecuredAppHost.Start();
        using var http = app.NewHttpClient();
        using (var before = await http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await File.WriteAllTextAsync(Path.Combine(app.DataPath, "tagging-policy.json"), "{ \"required_tags\": [ { \"key\": ");

        using var ready = await http.GetAsync("/health/ready");
        using var live = await http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_is_unhealthy_when_the_inventory_source_does_not_answer_and_live_stays_healthy()
    {
        using var app = SecuredAppHost.Start(services: services => services.AddSingleton<IRegionCatalogue>(new UnreachableRegionCatalogue()));
        using var http = app.NewHttpClient();

        using var ready = await http.GetAsync("/health/ready");
        using var live = await http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>A region catalogue whose account cannot be reached (e.g. no network to AWS).</summary>
    private sealed class UnreachableRegionCatalogue : IRegionCatalogue
    {
        public Task<IReadOnlyList<RegionInfo>> ListRegionsAsync(CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused (ec2.us-east-1.amazonaws.com:443)");
    }
}
