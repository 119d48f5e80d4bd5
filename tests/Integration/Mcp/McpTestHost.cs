using FinOps.Tests.Common;
using FinOps.Tests.Integration.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>
/// The real app on a loopback Kestrel port, configured through settings only: a small sample account without
/// simulated latency and without the start-up scan, each host with its own data folder.
/// </summary>
public sealed class McpTestHost : LoopbackAppHost
{
    private McpTestHost(string dataPath, IDictionary<string, string?> settings, Action<IServiceCollection>? services)
        : base(dataPath, Merge(TestAppSettings.Quiet(dataPath, size: 1500), settings), services)
    {
    }

    /// <summary>The MCP endpoint.</summary>
    public Uri McpEndpoint => new(BaseUrl + "/mcp");

    /// <summary>Starts the app with the defaults above, overridden by <paramref name="settings"/>.</summary>
    public static McpTestHost Start(IDictionary<string, string?>? settings = null) => Start(settings, null);

    /// <summary>Starts the app as <see cref="Start(IDictionary{string, string?}?)"/> does, with services replaced by <paramref name="services"/>.</summary>
    public static McpTestHost Start(IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var host = new McpTestHost(NewDataPath("mcp"), settings ?? new Dictionary<string, string?>(), services);
        host.Listen();
        return host;
    }

    /// <summary>A C# SDK client over Streamable HTTP.</summary>
    public Task<McpClient> ConnectAsync(CancellationToken cancellationToken = default) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpEndpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
        }), cancellationToken: cancellationToken);

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> baseline, IDictionary<string, string?> overrides)
    {
        foreach (var (key, value) in overrides)
        {
            baseline[key] = value;
        }

        return baseline;
    }
}
