using FinOps.Tests.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Bench;

/// <summary>The real app on a loopback Kestrel port, configured by settings, with <see cref="McpServerTimings"/> in front.</summary>
public sealed class McpBenchHost : LoopbackAppHost
{
    private McpBenchHost(IReadOnlyDictionary<string, string?> settings, McpServerTimings timings)
        : base(NewDataPath("mcp-bench"), settings)
    {
        Timings = timings;
    }

    public McpServerTimings Timings { get; }

    public Uri McpEndpoint => new(BaseUrl + "/mcp");

    public static McpBenchHost Start(IReadOnlyDictionary<string, string?> settings, McpServerTimings timings)
    {
        HarnessContentRoot.Use();
        var host = new McpBenchHost(settings, timings);
        host.Listen();
        return host;
    }

    protected override void Customize(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(Timings));
}
