using FinOps.Aws.Sample;
using FinOps.Domain.Costs;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Costs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Sample;

/// <summary>The measured untagged spend of the default sample account, scanned whole, under any region filter.</summary>
public sealed class SampleUntaggedSpendProperties
{
    private static readonly Lazy<Task<SampleView>> Scanned = new(ScanAsync);

    [Property(MaxTest = 100)]
    public Property Measured_untagged_spend_of_a_filter_is_the_sum_over_its_regions_and_never_exceeds_their_total_spend() =>
        Prop.ForAll(Picks.ToArbitrary(), async picks =>
        {
            var sample = await Scanned.Value;
            var filter = picks.Select(i => sample.Regions[i % sample.Regions.Length]).ToArray();
            var view = sample.Result.ForRegions(filter);
            var report = AttributionGapReport.From(view);
            return report.UntaggedByTagKey.All(tag =>
            {
                var measured = sample.Costs.UntaggedByTagKey.Single(u => u.TagKey == tag.TagKey);
                var expected = filter.Distinct().Sum(r => measured.CentsByRegion!.GetValueOrDefault(r));
                return tag.Measured.Provenance == FigureProvenance.Measured
                    && !tag.MeasuredAccountWide
                    && tag.Measured.Cents == expected
                    && tag.Measured.Cents <= view.Costs.TotalCents;
            });
        });

    [Property(MaxTest = 100)]
    public Property Measured_untagged_spend_of_a_filter_never_exceeds_its_regions_spend_on_the_services_the_key_applies_to() =>
        Prop.ForAll(Picks.ToArbitrary(), async picks =>
        {
            var sample = await Scanned.Value;
            var filter = picks.Select(i => sample.Regions[i % sample.Regions.Length]).ToHashSet();
            var report = AttributionGapReport.From(sample.Result.ForRegions(filter));
            return report.UntaggedByTagKey.All(tag =>
                tag.MeasuredOver is { } scope
                && tag.Measured.Cents <= sample.Costs.Lines.Where(l => filter.Contains(l.Region) && scope.Covers(l.Service)).Sum(l => l.AmountCents));
        });

    [Fact]
    public async Task Filtered_to_eu_west_1_and_us_east_1_no_key_shows_more_untagged_spend_than_those_regions_spent()
    {
        var sample = await Scanned.Value;
        var view = sample.Result.ForRegions(["eu-west-1", "us-east-1"]);

        var report = AttributionGapReport.From(view);

        Assert.All(report.UntaggedByTagKey, t => Assert.InRange(t.Measured.Cents, 0, view.Costs.TotalCents));
        var dataClassification = report.UntaggedByTagKey.Single(t => t.TagKey == "DataClassification");
        var accountWide = sample.Costs.UntaggedByTagKey.Single(u => u.TagKey == "DataClassification").AccountCents;
        Assert.True(dataClassification.Measured.Cents < accountWide);
    }

    // A filter as positions in the sample's regions (repeats allowed: a filter may name a region twice).
    private static Gen<int[]> Picks => Gen.Choose(0, 99).NonEmptyListOf().Select(p => p.ToArray());

    private static async Task<SampleView> ScanAsync()
    {
        var account = SampleInventory.Account();
        var regions = await new SampleRegionCatalogue(account).ListRegionsAsync(CancellationToken.None);
        var resources = await SampleInventory.ListAllAsync(account);
        var costs = await new SampleCostSource(account).GetCostsAsync(
            CostQuery.ForPolicy(BillingPeriod.Month(2026, 10), CostMetric.Unblended, CostScenario.Policy), CancellationToken.None);
        var scenario = CostScenario.Empty([.. regions.Where(r => r.IsEnabled).Select(r => r.Name)]) with
        {
            Resources = [.. resources],
            GlobalListed = true,
        };
        // Filters draw from the scanned regions and the global pseudo-region (the sample lists global types).
        return new SampleView([.. scenario.ScannedRegions, ResourceCatalogue.GlobalRegion], costs, scenario.Build(costs));
    }

    private sealed record SampleView(string[] Regions, CostSnapshot Costs, ComplianceResult Result);
}
