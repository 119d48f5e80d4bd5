using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Bench;

/// <summary>The real app on a loopback Kestrel port, configured by settings, with <see cref="McpServerTimings"/> in front.</summary>
public sealed class McpBenchHost : WebApplicationFactory<global::Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private McpBenchHost(IReadOnlyDictionary<string, string?> settings, McpServerTimings timings)
    {
        _settings = settings;
        Timings = timings;
    }

    public McpServerTimings Timings { get; }


    public Uri McpEndpoint { get; private set; } = null!;

    public static McpBenchHost Start(IReadOnlyDictionary<string, string?> settings, McpServerTimings timings)
    {
        // The factory finds a test project's content root by convention; a console harness names it (src/Web).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FINOPS_WEB", WebContentRoot());
        var host = new McpBenchHost(settings, timings);
        // Kestrel binds the loopback endpoint itself: UseKestrel(port) rewrites the server's addresses after the app
        // has started binding, which races and fails now and then on a loaded machine.
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.McpEndpoint = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/mcp");
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
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(Timings));
    }
}
