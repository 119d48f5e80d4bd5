using FinOps.Domain.Costs;
using FinOps.Domain.Reports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Costs;

namespace FinOps.Tests.Unit.Reports;

/// <summary>
/// An account with 7-figure spend: a region over a million dollars with a dozen long-named offenders, global
/// resources, and ap-northeast-2 scanned with nothing in scope (only tax billed there).
/// </summary>
internal static class LargeAccountFixture
{
    public const string NothingInScopeRegion = "ap-northeast-2";

    public static ComplianceResult Result { get; } = Build();

    public static RegionReport Report { get; } = RegionReport.From(Result, CostScenario.Now.AddMinutes(5));

    private static ComplianceResult Build()
    {
        var scenario = CostScenario.Empty("us-east-1", "eu-west-1", NothingInScopeRegion) with { GlobalListed = true };
        var id = 0;
        var measured = new List<(string Arn, long Cents)>();
        for (var i = 0; i < 12; i++)
        {
            var r = CostScenario.Resource("ec2:instance", "us-east-1", ++id, [new("Owner", "ops@example.com")], "running",
                $"notifications-prod-terraform-state-{i:D2}-35d38afc-lift-and-shift");
            scenario = scenario.With(r);
            measured.Add((r.Arn, 1_234_567_89L - i * 10_000_00L));
        }

        scenario = scenario
            .With(CostScenario.Resource("ec2:instance", "us-east-1", ++id, CostScenario.GoodTags, "running", "web-1"))
            .With(CostScenario.Resource("rds:db", "eu-west-1", ++id, [], null, "orders-db"))
            .With(CostScenario.Resource("cloudfront:distribution", ResourceCatalogue.GlobalRegion, ++id, [], null, "fraud-detection-5.stg.example.com"))
            .With(CostScenario.Compute, "us-east-1", 15_000_000_00L)
            .With(CostScenario.Rds, "eu-west-1", 1_234_567_89L)
            .With(CostScenario.CloudFront, ResourceCatalogue.GlobalRegion, 2_345_678_90L)
            .With(CostScenario.Tax, NothingInScopeRegion, 1_000_000_00L);
        foreach (var (arn, cents) in measured)
        {
            scenario = scenario.WithMeasured(arn, cents);
        }

        return scenario.Build();
    }
}
