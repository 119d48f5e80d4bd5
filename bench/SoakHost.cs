using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Bench;

/// <summary>The real app on a loopback Kestrel port for the soak run: the sample account with its usual latency, configured by settings only.</summary>
public sealed class SoakHost : WebApplicationFactory<global::Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private SoakHost(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    /// <summary>The app's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public static SoakHost Start(IReadOnlyDictionary<string, string?> settings)
    {
        // The factory finds a test project's content root by convention; a console harness names it (src/Web).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FINOPS_WEB", WebContentRoot());
        var host = new SoakHost(settings);
        // Kestrel binds the loopback endpoint itself: UseKestrel(port) rewrites the server's addresses after the app
        // has started binding, which races and fails now and then on a loaded machine.
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return host;
    }

    private static string WebContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinOpsDashboard.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Web");
            }
        }

        return AppContext.BaseDirectory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
