using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Common;

/// <summary>
/// The real app on a real Kestrel loopback port, configured only through settings, as an operator would configure it;
/// optionally with services replaced. The one host every test project and harness derives from (linked into each):
/// it owns the data folder, the port and the address. Kestrel binds the loopback endpoint itself, because
/// <c>UseKestrel(port)</c> rewrites the server's addresses while the app may already be binding, which fails now and
/// then on a loaded machine.
/// </summary>
public abstract class LoopbackAppHost : WebApplicationFactory<global::Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="dataPath">The host's own data folder (created by the app, deleted on dispose).</param>
    /// <param name="settings">The settings the app starts with.</param>
    /// <param name="services">Replaces services after the app's own registrations; null for none.</param>
    protected LoopbackAppHost(string dataPath, IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services = null)
    {
        DataPath = dataPath;
        _services = services;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["FinOps:DataPath"] = dataPath };

        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>The app's root URL without a trailing slash, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The host's private data folder (policy, keys, history).</summary>
    public string DataPath { get; }

    /// <summary>A fresh data folder under the temp folder, named after the test area.</summary>
    public static string NewDataPath(string area) =>
        Path.Combine(Path.GetTempPath(), $"finops-{area}-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A service of the running app (the same instance the pages and tools use).</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A loopback port nothing listens on right now (for settings that must name the port before start).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the app on <paramref name="port"/> (0: any free port) and records its address.</summary>
    protected void Listen(int port = 0)
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        BaseUrl = addresses.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>Adds to the web host what a derived host needs beyond settings and services.</summary>
    protected virtual void Customize(IWebHostBuilder builder)
    {
    }

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
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

        Customize(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
