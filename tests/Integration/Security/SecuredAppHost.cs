using FinOps.Domain.Scanning;
using FinOps.Tests.Integration.Infrastructure;
using FinOps.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Integration.Security;

/// <summary>
/// The real app on Kestrel (loopback, a port chosen before start so <c>Mcp:Audience</c> can name it), configured only
/// through settings like an operator would: sign-in against a provider when given one, API keys, limits. A small
/// instant sample account; no start-up scan (tests scan when they need a result).
/// </summary>
public sealed class SecuredAppHost : LoopbackAppHost
{
    private SecuredAppHost(int port, string dataPath, IDictionary<string, string?> settings, Action<IServiceCollection>? services)
        : base(dataPath, Merge(TestAppSettings.Quiet(dataPath, size: 600), settings), services)
    {
        Port = port;
    }

    public int Port { get; }

    /// <summary>The MCP endpoint's URL (the audience of tokens for this app).</summary>
    public string McpUrl => BaseUrl + "/mcp";

    /// <summary>Starts the app with <paramref name="settings"/>; <paramref name="services"/> may replace services.</summary>
    public static SecuredAppHost Start(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var port = FreeLoopbackPort();
        var host = new SecuredAppHost(port, NewDataPath("sec"), settings ?? new Dictionary<string, string?>(), services);
        host.Listen(port);
        return host;
    }

    /// <summary>Starts the app with sign-in at <paramref name="provider"/> plus <paramref name="settings"/>.</summary>
    public static SecuredAppHost StartSignedIn(OidcTestProvider provider, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var port = FreeLoopbackPort();
        var all = SignInSettings(provider, $"http://127.0.0.1:{port}/mcp");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new SecuredAppHost(port, NewDataPath("sec"), all, services);
        host.Listen(port);
        return host;
    }

    /// <summary>The settings that turn sign-in on against the test provider.</summary>
    public static Dictionary<string, string?> SignInSettings(OidcTestProvider provider, string mcpAudience) => new()
    {
        ["FinOps:Auth:Oidc:Authority"] = provider.Issuer,
        ["FinOps:Auth:Oidc:ClientId"] = OidcTestProvider.DashboardClientId,
        ["FinOps:Auth:Oidc:ClientSecret"] = OidcTestProvider.DashboardClientSecret,
        ["FinOps:Auth:Oidc:RequireHttpsMetadata"] = "false",
        ["FinOps:Auth:Oidc:Scopes:0"] = "openid",
        ["FinOps:Auth:Oidc:Scopes:1"] = "profile",
        ["FinOps:Auth:Oidc:Scopes:2"] = "roles",
        ["FinOps:Auth:Mcp:Audience"] = mcpAudience,
    };

    /// <summary>Runs the default scan so exports have a result.</summary>
    public Task<ComplianceResult> ScanAsync() =>
        Services.GetRequiredService<ComplianceService>().GetResultAsync(ScanRequest.Default, CancellationToken.None);

    /// <summary>A client for the app's real address (no cookies, no redirects followed).</summary>
    public HttpClient NewHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl) };

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> baseline, IDictionary<string, string?> overrides)
    {
        foreach (var (key, value) in overrides)
        {
            baseline[key] = value;
        }

        return baseline;
    }
}
