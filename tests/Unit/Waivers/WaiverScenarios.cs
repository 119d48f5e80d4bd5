using FinOps.Domain.Resources;
using FinOps.Domain.Waivers;
using FinOps.Tests.Unit.Costs;
using FsCheck;
using FsCheck.Fluent;

namespace FinOps.Tests.Unit.Waivers;

/// <summary>FsCheck generators of waiver sets over a cost scenario: ARN and pattern scopes, one key or every key, any status, expiries either side of now.</summary>
internal static class WaiverScenarios
{
    private static readonly string?[] Keys = ["CostCenter", "Owner", "DataClassification", null];

    public static Waiver Make(WaiverScope scope, string? key, WaiverStatus status, DateTimeOffset expires, int id) =>
        new($"w{id:D4}", scope, key, "test", "alice", CostScenario.Now.AddDays(-10), expires, status, "bob", CostScenario.Now.AddDays(-9));

    private static Gen<WaiverScope> Scope(CostScenario scenario)
    {
        var arns = scenario.Resources.Select(r => r.Arn).DefaultIfEmpty("arn:aws:ec2:us-east-1:123456789012:instance/none").ToArray();
        var byArn = Gen.Elements(arns).Select(a => WaiverScope.TryCreate(a, null, null, null, null, out _)!);
        var byTag = from type in Gen.Elements("ec2:instance", "s3:bucket", "rds:db", "lambda:function")
                    from region in Gen.Elements("*", "us-east-1", "eu-west-1", ResourceCatalogue.GlobalRegion)
                    from tag in Gen.Elements("CostCenter=CC-*", "Owner=*", "CostCenter=CC-9", "costcenter=*")
                    select WaiverScope.TryCreate(null, type, region, null, tag, out _)!;
        var byName = from type in Gen.Elements("ec2:instance", "sqs:queue")
                     from region in Gen.Elements("*", "ap-south-1")
                     select WaiverScope.TryCreate(null, type, region, "*", null, out _);
        return Gen.Frequency((4, byArn), (2, byTag), (1, byName.Where(s => s is not null).Select(s => s!)));
    }

    public static Gen<(CostScenario Scenario, Waiver[] Waivers)> WithWaivers(bool credits = true) =>
        from scenario in CostScenarios.Scenario(credits)
        from count in Gen.Choose(0, 12)
        from waivers in Gen.ArrayOf(
            from scope in Scope(scenario)
            from key in Gen.Elements(Keys)
            from status in Gen.Frequency((5, Gen.Constant(WaiverStatus.Approved)), (1, Gen.Elements(WaiverStatus.Pending, WaiverStatus.Rejected, WaiverStatus.Revoked)))
            from hours in Gen.Choose(-48, 24 * 90)
            select (scope, key, status, hours), count)
        select (scenario, waivers.Select((w, i) => Make(w.scope, w.key, w.status, CostScenario.Now.AddHours(w.hours == 0 ? 1 : w.hours), i)).ToArray());
}
