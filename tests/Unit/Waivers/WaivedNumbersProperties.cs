using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Domain.Waivers;
using FinOps.Tests.Unit.Costs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Waivers;

/// <summary>The numbers with waivers in force, for generated accounts and waiver sets.</summary>
public sealed class WaivedNumbersProperties
{
    private static (ComplianceResult Plain, ComplianceResult Waived, WaiverBook Book) Build(CostScenario scenario, Waiver[] waivers)
    {
        var book = WaiverBook.At(waivers, 1, CostScenario.Now);
        return (scenario.Build(), (scenario with { Waivers = book }).Build(), book);
    }

    [Property(MaxTest = 200)]
    public Property Waived_and_unwaived_spend_reconcile_to_the_cent_per_region_and_overall() =>
        Prop.ForAll(WaiverScenarios.WithWaivers().ToArbitrary(), input =>
        {
            var (_, result, _) = Build(input.Scenario, input.Waivers);
            var sum = result.Regions.Aggregate(CostReconciliation.Zero, (acc, r) => acc.Plus(r.Costs));
            return result.Regions.All(r => r.Costs.Reconciles)
                && result.Costs.Reconciles
                && result.Costs == sum
                && result.Costs.TotalCents == result.Costs.AttributableCents + result.Costs.GapCents + result.Costs.WaivedCents
                    + result.Costs.OutOfScopeCents + result.Costs.UntaggableCents + result.Costs.UnallocatedCents
                && result.Costs.GapCents == result.Summary.GapCents
                && result.Costs.WaivedCents == result.Resources.Where(r => r.IsWaived).Sum(r => r.Cost.Cents);
        });

    [Property(MaxTest = 200)]
    public Property Waiving_moves_spend_from_the_gap_to_the_waived_line_and_changes_no_total() =>
        Prop.ForAll(WaiverScenarios.WithWaivers().ToArbitrary(), input =>
        {
            var (plain, waived, _) = Build(input.Scenario, input.Waivers);
            return waived.Costs.TotalCents == plain.Costs.TotalCents
                && waived.Costs.AttributableCents == plain.Costs.AttributableCents
                && waived.Costs.GapCents + waived.Costs.WaivedCents == plain.Costs.GapCents
                && waived.Summary.InScope == plain.Summary.InScope
                && waived.Summary.Compliant == plain.Summary.Compliant
                && waived.Summary.NonCompliant + waived.Summary.Waived == plain.Summary.NonCompliant
                && waived.Summary.Violations == plain.Summary.Violations
                && waived.Summary.Score >= plain.Summary.Score - 1e-12;
        });

    [Property(MaxTest = 200)]
    public Property Gap_shares_sum_to_the_gap_and_waived_violations_carry_none() =>
        Prop.ForAll(WaiverScenarios.WithWaivers().ToArbitrary(), input =>
        {
            var (_, result, book) = Build(input.Scenario, input.Waivers);
            var violations = result.ViolationsByCost;
            return violations.Sum(v => v.GapShareCents) == result.Costs.GapCents
                && violations.Where(v => v.IsWaived).All(v => v.GapShareCents == 0)
                && violations.All(v => v.WaivedUntil == book.WaivedUntil(v.Resource.Resource, v.TagKey))
                && result.Regions.All(r => result.ViolationsByCost.Where(v => v.Region == r.Region).Sum(v => v.GapShareCents) == r.Costs.GapCents);
        });

    [Property(MaxTest = 100)]
    public Property Every_gap_report_row_reconciles_with_the_waived_line() =>
        Prop.ForAll(WaiverScenarios.WithWaivers().ToArbitrary(), input =>
        {
            var (_, result, _) = Build(input.Scenario, input.Waivers);
            return Enum.GetValues<GapGrouping>().All(grouping =>
            {
                var report = AttributionGapReport.From(result, grouping);
                var sum = report.Rows.Aggregate(CostReconciliation.Zero, (acc, r) => acc.Plus(r.Reconciliation));
                return report.Rows.All(r => r.Reconciles) && report.Overall.Reconciliation == result.Costs && sum == result.Costs;
            });
        });

    [Property(MaxTest = 100)]
    public Property The_fix_plan_never_recommends_a_waived_violation() =>
        Prop.ForAll(WaiverScenarios.WithWaivers().ToArbitrary(), input =>
        {
            var (_, result, book) = Build(input.Scenario, input.Waivers);
            var plan = FixRanking.Build(result, top: 50);
            return plan.Regions.Append(plan.Overall).All(c => c.Resources.All(r =>
                    !r.Resource.IsWaived
                    && r.BrokenTagKeys.All(k => book.WaivedUntil(r.Resource.Resource, k) is null)))
                && plan.Overall.GapCents == result.Costs.GapCents;
        });

    [Property(MaxTest = 100)]
    public Property Region_filtering_keeps_the_waived_figures() =>
        Prop.ForAll(WaiverScenarios.WithWaivers().ToArbitrary(), CostScenarios.RegionFilter.ToArbitrary(), (input, filter) =>
        {
            var (_, result, _) = Build(input.Scenario, input.Waivers);
            var filtered = result.ForRegions(filter);
            var expected = result.Regions.Where(r => filter.Contains(r.Region)).Aggregate(CostReconciliation.Zero, (acc, r) => acc.Plus(r.Costs));
            return filtered.Costs == expected && filtered.Costs.Reconciles;
        });

    [Property(MaxTest = 50)]
    public Property An_empty_book_changes_no_figure() =>
        Prop.ForAll(CostScenarios.Arbitrary(), scenario =>
        {
            var plain = scenario.Build();
            var empty = (scenario with { Waivers = WaiverBook.Empty }).Build();
            return plain.Costs == empty.Costs && plain.Summary == empty.Summary
                && plain.ViolationsByCost.Select(v => v.GapShareCents).SequenceEqual(empty.ViolationsByCost.Select(v => v.GapShareCents))
                && empty.ViolationsByCost.All(v => !v.IsWaived);
        });

    [Fact]
    public void A_resource_with_one_of_two_errors_waived_stays_in_the_gap_with_the_whole_cost_on_the_other_key()
    {
        var resource = CostScenario.Resource("ec2:instance", "us-east-1", 1, []);
        var scenario = CostScenario.Empty("us-east-1").With(resource).WithMeasured(resource.Arn, 1001)
            .With(CostScenario.Compute, "us-east-1", 1001);
        var waiver = WaiverScenarios.Make(WaiverScope.TryCreate(resource.Arn, null, null, null, null, out _)!, "Owner",
            WaiverStatus.Approved, CostScenario.Now.AddDays(3), 1);
        var result = (scenario with { Waivers = WaiverBook.At([waiver], 1, CostScenario.Now) }).Build();

        Assert.Equal(1001, result.Costs.GapCents);
        Assert.Equal(0, result.Costs.WaivedCents);
        Assert.Equal(0, result.Summary.Waived);
        var owner = Assert.Single(result.ViolationsByCost, v => v.TagKey == "Owner");
        var cost = Assert.Single(result.ViolationsByCost, v => v.TagKey == "CostCenter");
        Assert.Equal(CostScenario.Now.AddDays(3), owner.WaivedUntil);
        Assert.Equal(0, owner.GapShareCents);
        Assert.Equal(1001, cost.GapShareCents);
        Assert.Null(cost.WaivedUntil);
    }

    [Fact]
    public void A_resource_whose_every_error_is_waived_leaves_the_score_and_moves_its_cost_to_the_waived_line()
    {
        var bad = CostScenario.Resource("ec2:instance", "us-east-1", 1, []);
        var good = CostScenario.Resource("ec2:instance", "us-east-1", 2);
        var other = CostScenario.Resource("ec2:instance", "us-east-1", 3, []);
        var scenario = CostScenario.Empty("us-east-1").With(bad).With(good).With(other)
            .WithMeasured(bad.Arn, 700).WithMeasured(good.Arn, 200).WithMeasured(other.Arn, 100)
            .With(CostScenario.Compute, "us-east-1", 1000);
        var waiver = WaiverScenarios.Make(WaiverScope.TryCreate(bad.Arn, null, null, null, null, out _)!, null,
            WaiverStatus.Approved, CostScenario.Now.AddDays(3), 1);
        var plain = scenario.Build();
        var result = (scenario with { Waivers = WaiverBook.At([waiver], 1, CostScenario.Now) }).Build();

        Assert.Equal(1.0 / 3, plain.Summary.Score, 6);
        Assert.Equal(0.5, result.Summary.Score, 6);
        Assert.Equal(1, result.Summary.Waived);
        Assert.Equal(700, result.Costs.WaivedCents);
        Assert.Equal(100, result.Costs.GapCents);
        Assert.True(result.Costs.Reconciles);
        Assert.All(result.ViolationsByCost.Where(v => v.Arn == bad.Arn), v => Assert.Equal(0, v.GapShareCents));
        Assert.DoesNotContain(FixRanking.Build(result).Overall.Resources, r => r.Arn == bad.Arn);
    }
}
