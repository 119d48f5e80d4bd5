using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Tests.Unit.Suggestions;

/// <summary>Resources turned into a scan result by the real aggregator under a policy (the shipped one by default), without costs.</summary>
internal static class SuggestionScan
{
    public const string Account = "123456789012";

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 30, 0, TimeSpan.Zero);

    public static TaggingPolicy ShippedPolicy { get; } =
        TaggingPolicyJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "tagging-policy.json")));

    public static ComplianceResult Of(IEnumerable<CloudResource> resources, TaggingPolicy? policy = null)
    {
        policy ??= ShippedPolicy;
        var evaluator = new PolicyEvaluator(policy);
        var evaluations = resources.Select(r =>
        {
            var (verdict, violations) = evaluator.Evaluate(r);
            return new ResourceEvaluation(r, verdict, violations);
        }).ToList();
        var regions = evaluations.Select(e => e.Resource.Region).Where(r => r != ResourceCatalogue.GlobalRegion)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        var outcome = new ScanOutcome(
            "scan-1",
            ScanRequest.Default,
            "key-1",
            Now.AddMinutes(-2),
            Now,
            new AccountDescription("sample", "Sample account", Account),
            policy,
            ResourceCatalogue.CostGenerating,
            evaluations,
            [.. regions.Select(r => new RegionScanOutcome(r, RegionScanStatus.Succeeded, null, 0, evaluations.Count(e => e.Resource.Region == r), TimeSpan.FromSeconds(1)))],
            null,
            [],
            new RegionDiscoveryResult([.. regions.Select(r => new RegionInfo(r, OptInStatus.OptInNotRequired))], regions, false, null, Now.AddMinutes(-2)),
            [],
            new CostSnapshot(BillingPeriod.Month(2026, 10), CostMetric.Unblended, [], ImmutableDictionary<string, long>.Empty, [], Now.AddHours(-1), "No costs"));
        return ComplianceAggregator.Aggregate(outcome);
    }

    /// <summary>An S3 bucket (named like its ARN, no VPC) with tags.</summary>
    public static CloudResource Bucket(string name, params Tag[] tags) =>
        new($"arn:aws:s3:::{name}", "s3:bucket", "us-east-1", [.. tags], name);

    /// <summary>An EC2 instance in a VPC, named by its Name tag.</summary>
    public static CloudResource VpcInstance(int id, string? vpc, string name, params Tag[] tags) =>
        new($"arn:aws:ec2:us-east-1:{Account}:instance/i-{id:x17}", "ec2:instance", "us-east-1",
            [new Tag("Name", name), .. tags], name, null, "running", vpc);

    /// <summary>The tags a resource of the shipped policy needs, for an application in a stage, minus <paramref name="without"/>.</summary>
    public static Tag[] Workload(string application, string environment, string costCenter = "CC-100", string owner = "team@example.com", params string[] without) =>
        [.. new Tag[]
        {
            new("CostCenter", costCenter), new("Owner", owner), new("Environment", environment), new("Application", application),
            new("DataClassification", "internal"),
        }.Where(t => !without.Contains(t.Key))];
}
