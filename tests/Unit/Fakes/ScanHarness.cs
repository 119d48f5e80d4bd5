using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using FinOps.Domain.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FinOps.Tests.Unit.Fakes;

/// <summary>
/// The scanning services wired over in-memory ports and a <see cref="FakeTimeProvider"/>, with zero backoff jitter
/// by default so retries cost no time; the account state judges freshness by the fake clock.
/// </summary>
public sealed class ScanHarness : IDisposable
{
    public const string PolicyJson = """
        {
          "version": "test",
          "requiredTags": [
            { "key": "CostCenter", "allowedValues": ["CC-100", "CC-200"],
              "appliesTo": ["ec2:instance", "ec2:volume", "rds:db", "s3:bucket", "iam:role"] }
          ],
          "optionalTags": [],
          "rules": { "caseSensitiveKeys": true, "caseSensitiveValues": true, "maxKeyLength": 128, "maxValueLength": 256 }
        }
        """;

    public ScanHarness(IEnumerable<RegionInfo>? regions = null, Action<ScanOptions>? configure = null, Func<double>? jitter = null)
    {
        Options = new ScanOptions();
        configure?.Invoke(Options);
        var options = MsOptions.Create(Options);
        Catalogue = new FakeRegionCatalogue(regions ?? [new RegionInfo("us-east-1", OptInStatus.OptInNotRequired)]);
        PolicyStore = new InMemoryPolicyStore(PolicyJson);
        Policies = new PolicyService(PolicyStore, NullLogger<PolicyService>.Instance);
        Discovery = new RegionDiscovery(Catalogue, options, Time, NullLogger<RegionDiscovery>.Instance);
        Planner = new ScanPlanner(Discovery, Policies);
        Backoff = new RetryBackoff(options, jitter ?? (() => 0));
        Scanner = new MultiRegionScanner(Inventory, Inventory, Costs, new FakeAccountIdentity(), Backoff, options, Time,
            NullLogger<MultiRegionScanner>.Instance, StartObservers);

        State = new AccountStateKeeper(Policies, Time, NullLogger<AccountStateKeeper>.Instance);
        Jobs = new ScanJobs(Scanner, State, options, Time, NullLogger<ScanJobs>.Instance);
        Service = new ComplianceService(Planner, Jobs, State, Discovery, options, Time);
    }

    public ScanOptions Options { get; }

    /// <summary>Told when each scan starts (empty unless a test adds one).</summary>
    public List<IScanStartObserver> StartObservers { get; } = [];
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 15, 9, 0, 0, TimeSpan.Zero));
    public FakeRegionCatalogue Catalogue { get; }
    public FakeInventory Inventory { get; } = new();
    public FakeCostSource Costs { get; } = new();
    public InMemoryPolicyStore PolicyStore { get; }
    public PolicyService Policies { get; }
    public RegionDiscovery Discovery { get; }
    public ScanPlanner Planner { get; }
    public RetryBackoff Backoff { get; }
    public MultiRegionScanner Scanner { get; }
    public AccountStateKeeper State { get; }
    public ScanJobs Jobs { get; }
    public ComplianceService Service { get; }

    /// <summary>Enabled regions holding <paramref name="perRegion"/> instances each (those for which <paramref name="compliant"/> says so are compliant).</summary>
    public static ScanHarness WithInstances(string[] regions, int perRegion, Action<ScanOptions>? configure = null,
        Func<double>? jitter = null, Func<int, bool>? compliant = null)
    {
        var harness = new ScanHarness(regions.Select(r => new RegionInfo(r, OptInStatus.OptInNotRequired)), configure, jitter);
        foreach (var region in regions)
        {
            harness.Inventory.Add(Enumerable.Range(0, perRegion)
                .Select(i => TestResources.Regional("ec2:instance", region, i, compliant?.Invoke(i) ?? true)));
        }

        return harness;
    }

    /// <summary>Plans and runs a scan directly (no cache, no job).</summary>
    public async Task<ComplianceResult> ScanAsync(ScanRequest? request = null, IProgress<ScanProgressEvent>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var plan = await Planner.PlanAsync(request ?? ScanRequest.Default, cancellationToken);
        return await Scanner.ScanAsync(plan, "scan-1", progress, cancellationToken);
    }

    public static ScanRequest Request(string[]? types = null, string[]? regions = null, Severity? severity = null, bool forceRefresh = false) =>
        new([.. types ?? ["all"]], [.. regions ?? []], severity, forceRefresh);

    public void Dispose()
    {
        Jobs.Dispose();
        State.Dispose();
        Discovery.Dispose();
        Policies.Dispose();
    }
}
