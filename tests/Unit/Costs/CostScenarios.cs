using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Resources;
using FsCheck;
using FsCheck.Fluent;

namespace FinOps.Tests.Unit.Costs;

/// <summary>FsCheck generators of whole cost scenarios: resources of several types and regions, tags good and bad, stopped instances, duplicates, cost lines (credits included when asked), measured costs and region outcomes.</summary>
internal static class CostScenarios
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-1", "ap-south-1"];

    private static readonly (string Type, bool Global)[] Types =
    [
        ("ec2:instance", false), ("ec2:volume", false), ("lambda:function", false), ("s3:bucket", false),
        ("rds:db", false), ("cloudfront:distribution", true), ("sqs:queue", false),
    ];

    private static readonly string[] Services =
    [
        CostScenario.Compute, CostScenario.Ec2Other, CostScenario.Lambda, CostScenario.S3, CostScenario.Rds,
        CostScenario.CloudFront, CostScenario.SageMaker, CostScenario.Tax, CostScenario.Support,
    ];

    private static Gen<ImmutableArray<Tag>> Tags =>
        Gen.Elements<ImmutableArray<Tag>>(
            CostScenario.GoodTags,
            [],
            [new Tag("CostCenter", "CC-9"), new Tag("Owner", "ops@example.com")],
            [new Tag("costcenter", "CC-1"), new Tag("Owner", "ops@example.com")],
            [new Tag("CostCenter", "CC-2"), new Tag("Owner", "ops@example.com"), new Tag("DataClassification", "secret")],
            [new Tag("CostCenter", "CC-2")]);

    private static Gen<CloudResource> Resource(int id) =>
        from type in Gen.Elements(Types)
        from region in Gen.Elements(Regions)
        from tags in Tags
        from stopped in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        select CostScenario.Resource(type.Type, type.Global ? ResourceCatalogue.GlobalRegion : region, id, tags,
            type.Type == "ec2:instance" ? (stopped ? "stopped" : "running") : null);

    /// <summary>Scenarios; <paramref name="credits"/> allows negative lines (refunds, credits).</summary>
    public static Gen<CostScenario> Scenario(bool credits = true) =>
        from count in Gen.Choose(0, 40)
        from resources in Gen.CollectToList(Enumerable.Range(1, count), Resource)
        from lineKeys in Gen.SubListOf([.. Services.SelectMany(s => Regions.Append(ResourceCatalogue.GlobalRegion).Select(r => (s, r)))])
        from amounts in Gen.ArrayOf(credits
            ? Gen.Frequency((9, Gen.Choose(0, 5_000_000)), (1, Gen.Choose(-50_000, -1)))
            : Gen.Choose(0, 5_000_000), lineKeys.Count)
        from measuredPicks in Gen.ArrayOf(Gen.Frequency((1, Gen.Choose(0, 2_000_000)), (3, Gen.Constant(-1))), count)
        from scanned in Gen.SubListOf(Regions)
        from failedPick in Gen.Elements(Regions.Append("").ToArray())
        from global in Gen.Elements(true, false)
        from duplicateEvery in Gen.Elements(0, 2, 3)
        let failed = failedPick.Length > 0 && !scanned.Contains(failedPick) ? ImmutableArray.Create(failedPick) : []
        select new CostScenario(
            [.. resources],
            [.. lineKeys.Select((k, i) => new CostLine(k.s, k.r, amounts[i]))],
            resources.Select((r, i) => (r.Arn, Cents: measuredPicks[i])).Where(m => m.Cents >= 0).ToImmutableDictionary(m => m.Arn, m => (long)m.Cents),
            [.. scanned],
            failed,
            global,
            [],
            duplicateEvery);

    public static Arbitrary<CostScenario> Arbitrary(bool credits = true) => Scenario(credits).ToArbitrary();

    /// <summary>A non-empty subset of the regions, for filters.</summary>
    public static Gen<string[]> RegionFilter =>
        Gen.NonEmptyListOf(Gen.Elements(Regions.Append(ResourceCatalogue.GlobalRegion).ToArray())).Select(l => l.Distinct().ToArray());
}
