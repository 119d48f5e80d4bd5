using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Reports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Bench;

/// <summary>
/// Deterministic scan data for the report and attribution benchmarks: resources spread over regions, a share of
/// them breaking the policy (about two violations each), and cost lines for every service in every region.
/// </summary>
public static class ReportWorkload
{
    private static readonly TaggingPolicy Policy = TaggingPolicyJson.Parse("""
        {
          "version": "bench-1",
          "requiredTags": [
            { "key": "CostCenter", "allowedValues": ["CC-100", "CC-200", "CC-300"] },
            { "key": "Owner", "pattern": "[a-z]+@example\\.com" },
            { "key": "Environment", "allowedValues": ["production", "staging", "development"] },
            { "key": "Application", "pattern": "[a-z][a-z0-9-]{1,39}" }
          ]
        }
        """);

    private static readonly string[] Types = ["ec2:instance", "ec2:volume", "lambda:function", "rds:db", "dynamodb:table", "elasticloadbalancing:loadbalancer"];

    /// <summary>The first <paramref name="count"/> regions of a fixed list of 20.</summary>
    public static ImmutableArray<string> Regions(int count) => [.. AllRegions.Take(count)];

    private static readonly string[] AllRegions =
    [
        "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1",
        "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1", "eu-west-2",
        "eu-west-3", "me-south-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-2",
    ];

    /// <summary>Resources with evaluations; every <paramref name="violatorEvery"/>-th resource misses two required tags.</summary>
    public static ScanOutcome Outcome(int resources, int regionCount, int violatorEvery, bool measured = false)
    {
        var regions = Regions(regionCount);
        var evaluator = new PolicyEvaluator(Policy);
        var evaluations = new ResourceEvaluation[resources];
        ImmutableArray<Tag> good = [new("CostCenter", "CC-100"), new("Owner", "ops@example.com"), new("Environment", "production"), new("Application", "shop")];
        ImmutableArray<Tag> bad = [new("CostCenter", "CC-100"), new("Owner", "ops@example.com")];
        var measuredCosts = new Dictionary<string, long>();
        for (var i = 0; i < resources; i++)
        {
            var region = regions[i % regions.Length];
            var type = Types[i / regions.Length % Types.Length];
            var arn = $"arn:aws:{type.Split(':')[0]}:{region}:123456789012:{type.Split(':')[1]}/res-{i:D8}";
            var resource = new CloudResource(arn, type, region, i % violatorEvery == 0 ? bad : good, $"resource-{i}",
                State: type == "ec2:instance" ? (i % 17 == 0 ? "stopped" : "running") : null);
            var (verdict, violations) = evaluator.Evaluate(resource);
            evaluations[i] = new ResourceEvaluation(resource, verdict, violations);
            if (measured && i % 3 == 0)
            {
                measuredCosts[arn] = 1_000 + i % 5_000;
            }
        }

        var lines = regions
            .SelectMany(r => Types.Select(t => ResourceCatalogue.Get(t).CostService!).Distinct().Select((s, k) => new CostLine(s, r, 10_000_000 + k * 1_234_567L)))
            .Append(new CostLine("Tax", regions[0], 99_999))
            .ToImmutableArray();
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var snapshot = new CostSnapshot(BillingPeriod.Month(2026, 10), CostMetric.Unblended, lines, measuredCosts, [], now, "Bench costs");
        return new ScanOutcome(
            "bench", ScanRequest.Default, "bench", now.AddMinutes(-1), now,
            new AccountDescription("sample", "Sample account", "123456789012"), Policy, ResourceCatalogue.CostGenerating,
            evaluations,
            [.. regions.Select(r => new RegionScanOutcome(r, RegionScanStatus.Succeeded, null, 0, resources / regions.Length, TimeSpan.FromSeconds(1)))],
            null, [],
            new RegionDiscoveryResult([.. regions.Select(r => new RegionInfo(r, OptInStatus.OptInNotRequired))], regions, false, null, now),
            [], snapshot);
    }

    /// <summary>A report with 20 regions and 100,000 violations (50,000 non-compliant resources of 200,000).</summary>
    public static RegionReport Report()
    {
        var result = ComplianceAggregator.Aggregate(Outcome(resources: 200_000, regionCount: 20, violatorEvery: 4));
        var report = RegionReport.From(result, result.AsOf);
        if (report.Violations.Length != 100_000 || report.Sections.Length != 20)
        {
            throw new InvalidOperationException($"workload has {report.Violations.Length} violations in {report.Sections.Length} regions");
        }

        return report;
    }
}
