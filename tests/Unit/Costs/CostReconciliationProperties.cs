using FinOps.Domain.Costs;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Costs;

public sealed class CostReconciliationProperties
{
    [Property(MaxTest = 200)]
    public Property Reconciliation_holds_to_the_cent_per_region_and_overall_for_any_resources_lines_and_violations() =>
        Prop.ForAll(CostScenarios.Arbitrary(), scenario =>
        {
            var result = scenario.Build();
            var sum = result.Regions.Aggregate(CostReconciliation.Zero, (acc, r) => acc.Plus(r.Costs));
            return result.Regions.All(r => r.Costs.Reconciles)
                && result.Costs.Reconciles
                && result.Costs == sum
                && result.Costs.GapCents == result.Summary.GapCents
                && result.Allocation.LineAllocations.All(l => l.Balances);
        });

    [Property(MaxTest = 200)]
    public Property Every_grouping_of_the_gap_report_reconciles_per_row_and_adds_up_to_the_overall_figures() =>
        Prop.ForAll(CostScenarios.Arbitrary(), scenario =>
        {
            var result = scenario.Build();
            return Enum.GetValues<GapGrouping>().All(grouping =>
            {
                var report = AttributionGapReport.From(result, grouping);
                var sum = report.Rows.Aggregate(CostReconciliation.Zero, (acc, r) => acc.Plus(r.Reconciliation));
                return report.Rows.All(r => r.Reconciles)
                    && report.Overall.Reconciliation == result.Costs
                    && sum == result.Costs;
            });
        });

    [Property(MaxTest = 200)]
    public Property No_cost_line_is_allocated_twice_shares_plus_unallocated_equal_the_line() =>
        Prop.ForAll(CostScenarios.Arbitrary(), scenario =>
        {
            var result = scenario.Build();
            var lines = result.Allocation.LineAllocations;
            var keys = lines.Select(l => (l.Service, l.Region)).ToList();

            // Each resource's cost is counted under exactly the line of its (service, region), and nowhere else.
            var carried = result.Resources
                .Where(r => r.Cost.Provenance != CostProvenance.Unavailable)
                .GroupBy(r => (ResourceCatalogue.Get(r.Type).CostService!, r.Region))
                .ToDictionary(g => g.Key, g => g.Sum(r => r.Cost.Cents));
            return keys.Distinct().Count() == keys.Count
                && lines.All(l => l.MeasuredCents + l.AllocatedCents + l.UntaggableCents + l.UnallocatedCents == l.BilledCents + l.ExcessMeasuredCents)
                && lines.All(l => l.ExcessMeasuredCents == 0 || l.MeasuredCents > Math.Max(l.BilledCents, 0))
                && carried.All(c => lines.Any(l => (l.Service, l.Region) == c.Key && l.MeasuredCents + l.AllocatedCents == c.Value))
                && lines.Sum(l => l.BilledCents) == scenario.Lines.Sum(l => l.AmountCents);
        });

    [Property(MaxTest = 200)]
    public Property The_gap_never_exceeds_the_taggable_total_without_credits() =>
        Prop.ForAll(CostScenarios.Arbitrary(credits: false), scenario =>
        {
            var result = scenario.Build();
            return result.Regions.All(r => r.Costs.GapCents <= r.Costs.TaggableCents && r.Costs.GapCents >= 0)
                && result.Costs.GapCents <= result.Costs.TaggableCents;
        });

    [Property(MaxTest = 200)]
    public Property Region_filtering_commutes_with_aggregation_filter_then_sum_equals_sum_of_filtered_regions() =>
        Prop.ForAll(CostScenarios.Arbitrary(), CostScenarios.RegionFilter.ToArbitrary(), (scenario, filter) =>
        {
            var result = scenario.Build();
            var filtered = result.ForRegions(filter);
            var expectedRows = result.Regions.Where(r => filter.Contains(r.Region)).ToList();
            var expectedCosts = expectedRows.Aggregate(CostReconciliation.Zero, (acc, r) => acc.Plus(r.Costs));
            var expectedSummary = ComplianceAggregator.Summarize(result.Resources.Where(r => filter.Contains(r.Region)));
            return filtered.Costs == expectedCosts
                && filtered.Summary == expectedSummary
                && filtered.Regions.SequenceEqual(expectedRows)
                && filtered.Resources.All(r => filter.Contains(r.Region))
                && AttributionGapReport.From(filtered, GapGrouping.Service).Overall.Reconciliation == expectedCosts;
        });

    [Property(MaxTest = 200)]
    public Property Global_resources_listed_twice_are_counted_once() =>
        Prop.ForAll(CostScenarios.Arbitrary(), scenario =>
        {
            var duplicated = scenario with { DuplicateEvery = 1 };
            var once = scenario with { DuplicateEvery = 0 };
            var a = duplicated.Build();
            var b = once.Build();
            var arns = a.Resources.Select(r => r.Arn).ToList();
            return arns.Distinct().Count() == arns.Count
                && a.Resources.Length == scenario.Resources.Select(r => r.Arn).Distinct().Count()
                && a.Summary == b.Summary
                && a.Costs == b.Costs
                && a.Resources.Where(r => r.Type == "cloudfront:distribution").All(r => r.Region == ResourceCatalogue.GlobalRegion);
        });

    [Property(MaxTest = 100)]
    public Property Repricing_with_the_same_snapshot_changes_no_figure_whole_or_filtered() =>
        Prop.ForAll(CostScenarios.Arbitrary(), scenario =>
        {
            var result = scenario.Build();
            var repriced = ComplianceAggregator.Reprice(result, result.Allocation.Snapshot);
            var view = result.ForRegions(["us-east-1", ResourceCatalogue.GlobalRegion]);
            var repricedView = ComplianceAggregator.Reprice(view, result.Allocation.Snapshot);
            return repriced.Costs == result.Costs
                && repricedView.Costs == view.Costs
                && repricedView.Regions.SequenceEqual(view.Regions)
                && repriced.Regions.SequenceEqual(result.Regions)
                && repriced.Resources.Select(r => r.Cost).SequenceEqual(result.Resources.Select(r => r.Cost));
        });

    [Property(MaxTest = 100)]
    public Property Fixing_the_top_offenders_never_closes_more_than_the_gap() =>
        Prop.ForAll(CostScenarios.Arbitrary(credits: false), scenario =>
        {
            var plan = FixRanking.Build(scenario.Build(), top: 3);
            return plan.Regions.Append(plan.Overall).All(c =>
                c.ClosedCents <= c.GapCents
                && c.PercentOfGap is >= 0 and <= 100
                && (c.PercentOfGap < 100 || c.ClosedCents == c.GapCents)
                && c.Resources.Select(r => r.CostAtStakeCents).Zip(c.Resources.Skip(1).Select(r => r.CostAtStakeCents)).All(p => p.First >= p.Second));
        });
}
