using FinOps.Aws;
using FinOps.Aws.Sample;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Bench;

/// <summary>
/// The product's scanning graph over the sample account (<c>AddSampleAccount</c> + <c>AddFinOpsScanning</c>), built
/// from settings as the web host builds it, with the shipped tagging policy.
/// </summary>
public sealed class ScanWorkload : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ScanWorkload(ServiceProvider provider)
    {
        _provider = provider;
        Compliance = provider.GetRequiredService<ComplianceService>();
        Account = provider.GetRequiredService<SampleAccount>();
        Sources = provider.GetRequiredService<SampleResourceSource>();
        Costs = provider.GetRequiredService<ICostSource>();
    }

    public ComplianceService Compliance { get; }

    public SampleAccount Account { get; }

    public SampleResourceSource Sources { get; }

    public ICostSource Costs { get; }

    /// <summary>Builds the graph; <paramref name="settings"/> are <c>FinOps:*</c> keys.</summary>
    public static ScanWorkload Create(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSampleAccount(configuration)
            .AddFinOpsScanning(configuration)
            .AddSingleton<IPolicyStore>(new ShippedPolicyStore());
        return new ScanWorkload(services.BuildServiceProvider());
    }

    /// <summary>Sample-account settings: size, page size and a fixed per-call latency (no jitter, no faults).</summary>
    public static Dictionary<string, string?> SampleSettings(int size, int pageSize, int latencyMilliseconds) => new()
    {
        ["FinOps:Sample:Seed"] = "42",
        ["FinOps:Sample:Size"] = size.ToString(),
        ["FinOps:Sample:PageSize"] = pageSize.ToString(),
        ["FinOps:Sample:LatencyMilliseconds"] = latencyMilliseconds.ToString(),
        ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
    };

    /// <summary>A fresh scan of every enabled region; by default of every cost-generating type (the dashboard's request).</summary>
    public Task<ComplianceResult> ScanAsync(ScanRequest? request = null) =>
        Compliance.GetResultAsync((request ?? ScanRequest.Default) with { ForceRefresh = true }, CancellationToken.None);

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    /// <summary>The policy shipped in <c>policies/tagging-policy.json</c> (copied next to the harness).</summary>
    private sealed class ShippedPolicyStore : IPolicyStore
    {
        public string Location { get; } = Path.Combine(AppContext.BaseDirectory, "policies", "tagging-policy.json");

        public async Task<string?> ReadAsync(CancellationToken cancellationToken) =>
            await File.ReadAllTextAsync(Location, cancellationToken).ConfigureAwait(false);

        public Task WriteAsync(string json, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
