using FinOps.Aws.Sample;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Tests.Unit.Costs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace FinOps.Tests.Unit.Sample;

/// <summary>The sample account answers the untagged spend of a key over the services of the types the key applies to.</summary>
public sealed class SampleNarrowedUntaggedSpendTests(ITestOutputHelper output)
{
    private static readonly BillingPeriod October = BillingPeriod.Month(2026, 10);

    // Small accounts keep the cases fast; the structure (every region, type, line) is the same at any size.
    private static readonly Gen<(int Seed, int Size)> Accounts =
        from seed in Gen.Choose(0, int.MaxValue)
        from size in Gen.Choose(0, 400)
        select (seed, size);

    // Any types the policy could list, free ones included; none means every type.
    private static readonly Gen<string[]> AppliesTo = Gen.SubListOf(ResourceCatalogue.All.Select(t => t.Name).ToArray()).Select(l => l.ToArray());

    [Property(MaxTest = 60)]
    public Property Narrowed_untagged_spend_is_the_spend_of_resources_under_the_keys_services_without_it_and_never_exceeds_those_services_spend_in_any_region() =>
        Prop.ForAll(Accounts.ToArbitrary(), AppliesTo.ToArbitrary(), Gen.Elements("Owner", "DataClassification", "NoSuchKey").ToArbitrary(),
            async (account, types, key) =>
            {
                var sample = SampleInventory.Account(account.Seed, account.Size);
                var scope = UntaggedSpendScope.ForTypes(key, types);
                var costs = await new SampleCostSource(sample).GetCostsAsync(new CostQuery(October, CostMetric.Unblended, [scope]), CancellationToken.None);
                var resources = await SampleInventory.ListAllAsync(sample, ResourceCatalogue.CostGenerating);

                var measured = Assert.Single(costs.UntaggedByTagKey);
                var expected = resources
                    .Where(r => scope.Covers(ResourceCatalogue.Get(r.Type).CostService!) && string.IsNullOrEmpty(r.TagValue(key)))
                    .GroupBy(r => r.Region)
                    .Select(g => (g.Key, g.Sum(r => costs.MeasuredResourceCosts[r.Arn])));
                var withinServices = measured.CentsByRegion!.All(r =>
                    r.Value <= costs.Lines.Where(l => l.Region == r.Key && scope.Covers(l.Service)).Sum(l => l.AmountCents));
                return measured.Scope == scope
                    && measured == UntaggedSpend.PerRegion(scope, expected)
                    && measured.AccountCents == measured.CentsByRegion!.Values.Sum()
                    && withinServices
                    && (!scope.MeasuresNothing || measured.AccountCents == 0);
            });

    [Fact]
    public async Task Sample_default_DataClassification_measured_untagged_spend_is_of_the_same_order_as_the_resources_without_it()
    {
        var policy = TaggingPolicyJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "tagging-policy.json")));
        var account = SampleInventory.Account();
        var regions = await new SampleRegionCatalogue(account).ListRegionsAsync(CancellationToken.None);
        var resources = await SampleInventory.ListAllAsync(account);
        var costs = await new SampleCostSource(account).GetCostsAsync(CostQuery.ForPolicy(October, CostMetric.Unblended, policy), CancellationToken.None);
        var result = (CostScenario.Empty([.. regions.Where(r => r.IsEnabled).Select(r => r.Name)]) with
        {
            Resources = [.. resources],
            GlobalListed = true,
            ScanPolicy = policy,
        }).Build(costs);

        var report = AttributionGapReport.From(result);

        foreach (var tag in report.UntaggedByTagKey)
        {
            output.WriteLine($"{tag.TagKey}: measured {Money.Format(tag.Measured.Cents)}, resources without it {Money.Format(tag.FromResources.Cents)}");
        }

        // Every service's untagged spend would be $285,159.35 here, nine times the resources' own. A service counts whole
        // (EC2 - Other also bills volumes, addresses and NAT gateways), so the narrowed figure stays above the resources'
        // own; of the same order means within a few times it.
        var dataClassification = report.UntaggedByTagKey.Single(t => t.TagKey == "DataClassification");
        Assert.InRange(dataClassification.Measured.Cents, dataClassification.FromResources.Cents, 3 * dataClassification.FromResources.Cents);
        Assert.Equal(UntaggedSpendScope.ForRequirement(policy.Find("DataClassification")!), dataClassification.MeasuredOver);
        Assert.Contains("Measured over Amazon DynamoDB, Amazon Elastic File System, Amazon Relational Database Service, Amazon Simple Storage Service and EC2 - Other spend only",
            dataClassification.Measured.Explanation);
        Assert.All(report.UntaggedByTagKey, t => Assert.InRange(t.Measured.Cents, t.FromResources.Cents, 3 * t.FromResources.Cents));
    }
}
