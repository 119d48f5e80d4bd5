using FinOps.Aws.Live;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using FinOps.Tests.Integration.AwsFake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Integration.Live;

/// <summary>
/// The product's real scanning graph (<c>AddAwsAccount</c> + <c>AddFinOpsScanning</c>) pointed at a running
/// <see cref="AwsWireFake"/> through settings only, as an operator would configure it.
/// </summary>
public sealed class LiveScanHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private LiveScanHarness(AwsWireFake fake, ServiceProvider provider, IReadOnlyDictionary<string, string?> settings)
    {
        Fake = fake;
        _provider = provider;
        Settings = settings;
        Compliance = provider.GetRequiredService<ComplianceService>();
    }

    public AwsWireFake Fake { get; }

    /// <summary>The settings the graph was built from.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public ComplianceService Compliance { get; }

    public IServiceProvider Services => _provider;

    /// <summary>
    /// Starts a fake and builds the graph. Defaults: every endpoint at the fake, 1 s per HTTP attempt, 5 s per region,
    /// 3 SDK retries and 3 scanner retries with 1 ms scanner back-off; <paramref name="settings"/> override them.
    /// <paramref name="transport"/> replaces the real connections (e.g. with a <see cref="BreakingTransport"/>).
    /// </summary>
    public static async Task<LiveScanHarness> StartAsync(IDictionary<string, string?>? settings = null, FakeAccount? account = null,
        Func<AwsOptions, AwsHttpTransport>? transport = null)
    {
        AwsTestEnvironment.Configure();
        var fake = await AwsWireFake.StartAsync(account);
        var all = SettingsFor(fake);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection().AddLogging();
        if (transport is not null)
        {
            services.AddSingleton(sp => transport(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AwsOptions>>().Value));
        }

        services
            .AddAwsAccount(configuration)
            .AddFinOpsScanning(configuration)
            .AddSingleton<IPolicyStore>(new InMemoryPolicyStore(LivePolicies.EnvironmentAndOwner));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new LiveScanHarness(fake, provider, all);
    }

    /// <summary>The settings that point the product at the fake (what the E2E host and the README use too).</summary>
    public static Dictionary<string, string?> SettingsFor(AwsWireFake fake)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["FinOps:Aws:Region"] = "us-east-1",
            ["FinOps:Aws:ForcePathStyle"] = "true",
            ["FinOps:Aws:RequestTimeoutSeconds"] = "1",
            ["FinOps:Aws:ConnectTimeoutSeconds"] = "1",
            ["FinOps:Aws:MaxRetries"] = "3",
            ["FinOps:Aws:RetryBaseDelayMilliseconds"] = "1",
            ["FinOps:Scan:DefaultRegion"] = "us-east-1",
            ["FinOps:Scan:RegionScanTimeoutSeconds"] = "5",
            ["FinOps:Scan:MaxRetries"] = "3",
            ["FinOps:Scan:RetryBaseDelayMilliseconds"] = "1",
        };
        foreach (var key in AwsServiceKeys.All)
        {
            settings[$"FinOps:Aws:Endpoints:{key}"] = fake.BaseAddress.ToString();
        }

        return settings;
    }

    /// <summary>Runs one scan as a job and returns its final state (per-region retries and reasons) and result.</summary>
    public async Task<(ScanJobSnapshot Final, ComplianceResult Result)> ScanAsync(ScanRequest request)
    {
        var job = await Compliance.StartScanAsync(request with { ForceRefresh = true }, CancellationToken.None);
        var result = await job.Completion;
        return (job.Current, result);
    }

    /// <summary>Requests of one operation in one region.</summary>
    public IReadOnlyList<ObservedRequest> Requests(string region, string operation) =>
        [.. Fake.Requests.Where(r => r.Region == region && r.Operation == operation)];

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
