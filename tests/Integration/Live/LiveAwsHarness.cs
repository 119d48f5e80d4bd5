using FinOps.Aws.Live;
using FinOps.Tests.Integration.AwsFake;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FinOps.Tests.Integration.Live;

/// <summary>The live adapters wired to a running <see cref="AwsWireFake"/> through endpoint overrides only.</summary>
public sealed class LiveAwsHarness : IAsyncDisposable
{
    private LiveAwsHarness(AwsWireFake fake, AwsOptions options, TimeProvider time, AwsHttpTransport? transport)
    {
        Fake = fake;
        Options = options;
        Credentials = new AccountCredentials(options);
        // Real time for retry back-off (a fake clock would hold every retry); the given clock for billing days.
        Clients = new RegionalClientFactory(options, Credentials, TimeProvider.System, transport);
        Identity = new StsAccountIdentity(Clients);
        Regions = new Ec2RegionCatalogue(Clients);
        Inventory = new AwsInventorySource(Clients, Identity, Microsoft.Extensions.Options.Options.Create(options));
        Costs = new CostExplorerCostSource(Clients, time, NullLogger<CostExplorerCostSource>.Instance);
    }

    public AwsWireFake Fake { get; }
    public AwsOptions Options { get; }
    public AccountCredentials Credentials { get; }
    public RegionalClientFactory Clients { get; }
    public StsAccountIdentity Identity { get; }
    public Ec2RegionCatalogue Regions { get; }
    public AwsInventorySource Inventory { get; }
    public CostExplorerCostSource Costs { get; }

    /// <summary>Starts a fake and points every service's endpoint at it (through <paramref name="transport"/>'s connections when given).</summary>
    public static async Task<LiveAwsHarness> StartAsync(Action<AwsOptions>? configure = null, TimeProvider? time = null, FakeAccount? account = null,
        Func<AwsOptions, AwsHttpTransport>? transport = null)
    {
        AwsTestEnvironment.Configure();
        var fake = await AwsWireFake.StartAsync(account);
        var options = OptionsFor(fake);
        configure?.Invoke(options);
        return new LiveAwsHarness(fake, options, time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 10, 0, 0, TimeSpan.Zero)),
            transport?.Invoke(options));
    }

    /// <summary>Settings that point every service at the fake, with short timeouts and fast retries.</summary>
    public static AwsOptions OptionsFor(AwsWireFake fake)
    {
        var options = new AwsOptions
        {
            Region = "us-east-1",
            ForcePathStyle = true,
            MaxRetries = 3,
            RequestTimeoutSeconds = 5,
            RetryBaseDelayMilliseconds = 1,
        };
        foreach (var key in AwsServiceKeys.All)
        {
            options.Endpoints[key] = fake.BaseAddress.ToString();
        }

        return options;
    }

    public async ValueTask DisposeAsync()
    {
        Costs.Dispose();
        Identity.Dispose();
        Clients.Dispose();
        await Fake.DisposeAsync();
    }
}
