using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Tests.Unit.Costs;

/// <summary>In-test scan data (resources, cost lines, measured costs, region outcomes) turned into a ComplianceResult by the real aggregator.</summary>
internal sealed record CostScenario(
    ImmutableArray<CloudResource> Resources,
    ImmutableArray<CostLine> Lines,
    ImmutableDictionary<string, long> Measured,
    ImmutableArray<string> ScannedRegions,
    ImmutableArray<string> FailedRegions,
    bool GlobalListed,
    ImmutableArray<UntaggedSpend> Untagged,
    int DuplicateEvery = 0,
    TaggingPolicy? ScanPolicy = null)
{
    /// <summary>Waivers in force for the built view, or null to build a scan's result (no waivers).</summary>
    public FinOps.Domain.Waivers.WaiverBook? Waivers { get; init; }

    public const string Compute = "Amazon Elastic Compute Cloud - Compute";
    public const string Ec2Other = "EC2 - Other";
    public const string Lambda = "AWS Lambda";
    public const string S3 = "Amazon Simple Storage Service";
    public const string Rds = "Amazon Relational Database Service";
    public const string CloudFront = "Amazon CloudFront";
    public const string SageMaker = "Amazon SageMaker";
    public const string Tax = "Tax";
    public const string Support = "AWS Support (Business)";

    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 30, 0, TimeSpan.Zero);
    public static readonly BillingPeriod October = BillingPeriod.Month(2026, 10);

    public static TaggingPolicy Policy { get; } = TaggingPolicyJson.Parse("""
        {
          "version": "test-1",
          "requiredTags": [
            { "key": "CostCenter", "allowedValues": ["CC-1", "CC-2"] },
            { "key": "Owner", "pattern": "[a-z]+@example\\.com" },
            { "key": "DataClassification", "allowedValues": ["public", "internal"], "appliesTo": ["s3:bucket", "rds:db"], "severity": "warning" }
          ]
        }
        """);

    public static readonly ImmutableArray<Tag> GoodTags = [new("CostCenter", "CC-1"), new("Owner", "ops@example.com")];

    public static CostScenario Empty(params string[] regions) =>
        new([], [], ImmutableDictionary<string, long>.Empty, [.. regions], [], GlobalListed: false, []);

    public CostScenario With(CloudResource resource) => this with { Resources = Resources.Add(resource) };

    public CostScenario With(string service, string region, long cents) => this with { Lines = Lines.Add(new CostLine(service, region, cents)) };

    public CostScenario WithMeasured(string arn, long cents) => this with { Measured = Measured.SetItem(arn, cents) };

    public static CloudResource Resource(string type, string region, int id, ImmutableArray<Tag>? tags = null, string? state = null, string? name = null)
    {
        var info = ResourceCatalogue.Get(type);
        var service = info.Service;
        var arnRegion = region == ResourceCatalogue.GlobalRegion || type == "s3:bucket" ? "" : region;
        var account = type == "s3:bucket" ? "" : "123456789012";
        var arn = $"arn:aws:{service}:{arnRegion}:{account}:{type.Split(':')[1]}/r-{id:D6}";
        return new CloudResource(arn, type, region, tags ?? GoodTags, name, null, state);
    }

    public CostSnapshot Snapshot(BillingPeriod? period = null, CostMetric metric = CostMetric.Unblended) =>
        new(period ?? October, metric, Lines, Measured, Untagged, Now.AddHours(-1), "Test costs");

    public ComplianceResult Build(CostSnapshot? snapshot = null)
    {
        var policy = ScanPolicy ?? Policy;
        var evaluator = new PolicyEvaluator(policy);
        var evaluations = new List<ResourceEvaluation>();
        for (var i = 0; i < Resources.Length; i++)
        {
            var (verdict, violations) = evaluator.Evaluate(Resources[i]);
            evaluations.Add(new ResourceEvaluation(Resources[i], verdict, violations));
            if (DuplicateEvery > 0 && i % DuplicateEvery == 0)
            {
                // The same resource listed twice (a global type seen from two places) must count once.
                evaluations.Add(new ResourceEvaluation(Resources[i], verdict, violations));
            }
        }

        var regions = ScannedRegions.Select(r => new RegionScanOutcome(r, RegionScanStatus.Succeeded, null, 0,
                Resources.Count(x => x.Region == r), TimeSpan.FromSeconds(1)))
            .Concat(FailedRegions.Select(r => new RegionScanOutcome(r, RegionScanStatus.Failed, "AccessDenied: ec2:DescribeInstances", 0, 0, TimeSpan.Zero)))
            .ToImmutableArray();
        var global = GlobalListed
            ? new RegionScanOutcome(ResourceCatalogue.GlobalRegion, RegionScanStatus.Succeeded, null, 0, 0, TimeSpan.FromSeconds(1))
            : null;
        var enabled = ScannedRegions.AddRange(FailedRegions).Order(StringComparer.Ordinal).ToImmutableArray();
        var outcome = new ScanOutcome(
            "scan-1",
            ScanRequest.Default,
            "key-1",
            Now.AddMinutes(-2),
            Now,
            new AccountDescription("sample", "Sample account", "123456789012"),
            policy,
            ResourceCatalogue.CostGenerating,
            evaluations,
            regions,
            global,
            [],
            new RegionDiscoveryResult([.. enabled.Select(r => new RegionInfo(r, OptInStatus.OptInNotRequired))], enabled, false, null, Now.AddMinutes(-2)),
            [],
            snapshot ?? Snapshot());
        return Waivers is null ? ComplianceAggregator.Aggregate(outcome) : ComplianceAggregator.AggregateView(outcome, Waivers);
    }

    public override string ToString() =>
        $"{Resources.Length} resources, {Lines.Length} lines ({string.Join("; ", Lines.Select(l => $"{l.Service}@{l.Region}={l.AmountCents}"))}), " +
        $"{Measured.Count} measured, scanned [{string.Join(",", ScannedRegions)}], failed [{string.Join(",", FailedRegions)}], global {GlobalListed}";
}
