using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.E2E.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (loopback, random), configured only through settings — exactly as an
/// operator would configure it. Each host gets its own data folder.
/// </summary>
public sealed class FinOpsAppHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private FinOpsAppHost(IDictionary<string, string?> settings)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "finops-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["FinOps:DataPath"] = DataPath,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>The app's root URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The host's private data folder (policy, keys).</summary>
    public string DataPath { get; }

    /// <summary>Starts the app with the given settings on a free loopback port.</summary>
    public static FinOpsAppHost Start(IDictionary<string, string?>? settings = null)
    {
        var host = new FinOpsAppHost(settings ?? new Dictionary<string, string?>());
        // Kestrel binds the loopback endpoint itself: UseKestrel(port) rewrites the server's addresses after the app
        // has started binding, which races and fails now and then on a loaded machine.
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        host.BaseUrl = addresses.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return host;
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
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
