using System.Net;
using FinOps.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>
/// The real app on a loopback Kestrel port, configured through settings only: a small sample account without
/// simulated latency and without the start-up scan, each host with its own data folder.
/// </summary>
public sealed class McpTestHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private McpTestHost(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _services = services;
        DataPath = TestAppSettings.NewDataPath("mcp");
        _settings = TestAppSettings.Quiet(DataPath, size: 1500);
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>The app's root URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The MCP endpoint.</summary>
    public Uri McpEndpoint => new(BaseUrl + "/mcp");

    public string DataPath { get; }

    /// <summary>Starts the app with the defaults above, overridden by <paramref name="settings"/>.</summary>
    public static McpTestHost Start(IDictionary<string, string?>? settings = null) => Start(settings, null);

    /// <summary>Starts the app as <see cref="Start(IDictionary{string, string?}?)"/> does, with services replaced by <paramref name="services"/>.</summary>
    public static McpTestHost Start(IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var host = new McpTestHost(settings ?? new Dictionary<string, string?>(), services);
        // Kestrel binds the loopback endpoint itself: UseKestrel(port) rewrites the server's addresses after the app
        // has started binding, which races and fails now and then on a loaded machine.
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        host.BaseUrl = addresses.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return host;
    }

    /// <summary>A service of the running app (the same instances the tools use).</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A C# SDK client over Streamable HTTP.</summary>
    public Task<McpClient> ConnectAsync(CancellationToken cancellationToken = default) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpEndpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
        }), cancellationToken: cancellationToken);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is { } services)
        {
            builder.ConfigureTestServices(services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TestAppSettings.DeleteDataPath(DataPath);
    }
}
