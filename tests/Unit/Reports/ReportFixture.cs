using FinOps.Domain.Costs;
using FinOps.Domain.Reports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Costs;

namespace FinOps.Tests.Unit.Reports;

/// <summary>One scan across three regions plus global, with a failed region, measured and allocated costs, and hostile text in tags and names.</summary>
internal static class ReportFixture
{
    public static ComplianceResult Result { get; } = Build();

    public static RegionReport Report { get; } = RegionReport.From(Result, CostScenario.Now.AddMinutes(5));

    private static ComplianceResult Build()
    {
        var scenario = CostScenario.Empty("us-east-1", "eu-west-1") with { FailedRegions = ["ap-south-1"], GlobalListed = true };
        var id = 0;
        CloudResource R(string type, string region, Tag[] tags, string? name = null, string? state = null) =>
            CostScenario.Resource(type, region, ++id, [.. tags], state, name);

        Tag[] good = [new("CostCenter", "CC-1"), new("Owner", "ops@example.com")];
        var resources = new List<CloudResource>
        {
            R("ec2:instance", "us-east-1", good, "web-1", "running"),
            R("ec2:instance", "us-east-1", [new("Owner", "ops@example.com")], "+danger", "running"),
            R("ec2:instance", "us-east-1", [], "batch, \"nightly\"", "stopped"),
            R("ec2:volume", "us-east-1", [new("CostCenter", "=HYPERLINK(\"http://evil\")"), new("Owner", "ops@example.com")], "@SUM(A1)"),
            R("lambda:function", "us-east-1", [new("CostCenter", "-2+3"), new("Owner", "x")], "\tTabbed"),
            R("rds:db", "eu-west-1", [new("CostCenter", "CC-2"), new("Owner", "db@example.com"), new("DataClassification", "secret")], "orders-db"),
            R("rds:db", "eu-west-1", [new("costcenter", "CC-2")], "line\nbreak"),
            R("s3:bucket", "eu-west-1", [], "logs-bucket"),
            R("lambda:function", "eu-west-1", good, "api"),
            R("cloudfront:distribution", ResourceCatalogue.GlobalRegion, [], "cdn"),
            R("sqs:queue", "us-east-1", []),
        };
        foreach (var r in resources)
        {
            scenario = scenario.With(r);
        }

        return scenario
            .With(CostScenario.Compute, "us-east-1", 123_456)
            .With(CostScenario.Ec2Other, "us-east-1", 10_001)
            .With(CostScenario.Lambda, "us-east-1", 2_500)
            .With(CostScenario.Tax, "us-east-1", 4_321)
            .With(CostScenario.Rds, "eu-west-1", 98_765)
            .With(CostScenario.S3, "eu-west-1", 3_333)
            .With(CostScenario.Lambda, "eu-west-1", 777)
            .With(CostScenario.SageMaker, "eu-west-1", 50_000)
            .With(CostScenario.Compute, "ap-south-1", 8_888)
            .With(CostScenario.CloudFront, ResourceCatalogue.GlobalRegion, 6_400)
            .WithMeasured(resources[5].Arn, 60_000)
            .Build();
    }
}
