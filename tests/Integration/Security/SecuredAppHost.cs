using FinOps.Tests.Integration.Infrastructure;
using System.Net;
using System.Net.Sockets;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Integration.Security;

/// <summary>
/// The real app on Kestrel (loopback, a port chosen before start so <c>Mcp:Audience</c> can name it), configured only
/// through settings like an operator would: sign-in against a provider when given one, API keys, limits. A small
/// instant sample account; no start-up scan (tests scan when they need a result).
/// </summary>
public sealed class SecuredAppHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private SecuredAppHost(int port, IDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        Port = port;
        DataPath = TestAppSettings.NewDataPath("sec");
        _services = services;
        _settings = TestAppSettings.Quiet(DataPath, size: 600);
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    public int Port { get; }

    /// <summary>The app's root URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The MCP endpoint's URL (the audience of tokens for this app).</summary>
    public string McpUrl => BaseUrl + "/mcp";

    public string DataPath { get; }

    /// <summary>Starts the app with <paramref name="settings"/>; <paramref name="services"/> may replace services.</summary>
    public static SecuredAppHost Start(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var port = FreeLoopbackPort();
        var host = new SecuredAppHost(port, settings ?? new Dictionary<string, string?>(), services);
        // Kestrel binds the loopback endpoint itself: UseKestrel(port) rewrites the server's addresses after the app
        // has started binding, which races and fails now and then on a loaded machine.
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        host.StartServer();
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

        var host = new SecuredAppHost(port, all, services);
        // Kestrel binds the loopback endpoint itself: UseKestrel(port) rewrites the server's addresses after the app
        // has started binding, which races and fails now and then on a loaded machine.
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        host.StartServer();
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

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Serve wwwroot and package assets (_content/MudBlazor) from the build output, as `dotnet run` does.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TestAppSettings.DeleteDataPath(DataPath);
    }
}
