using FinOps.Domain.Costs;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Costs;

public sealed class AttributionGapReportTests
{
    private static readonly CostScenario Base = CostScenario.Empty("us-east-1", "eu-west-1");

    [Fact]
    public void Gap_of_measured_resources_is_labelled_measured_and_says_so()
    {
        var fn = CostScenario.Resource("lambda:function", "us-east-1", 1, []);
        var result = Base.With(fn).With(CostScenario.Lambda, "us-east-1", 1_000).WithMeasured(fn.Arn, 1_000).Build();

        var gap = AttributionGapReport.From(result).Rows.Single(r => r.Key == "us-east-1").Gap;

        Assert.Equal(1_000, gap.Cents);
        Assert.Equal(FigureProvenance.Measured, gap.Provenance);
        Assert.Equal("measured", gap.ProvenanceLabel);
        Assert.Contains("1 measured by Test costs", gap.Explanation);
    }

    [Fact]
    public void Gap_of_allocated_resources_is_labelled_allocated()
    {
        var fn = CostScenario.Resource("lambda:function", "us-east-1", 1, []);
        var result = Base.With(fn).With(CostScenario.Lambda, "us-east-1", 1_000).Build();

        var gap = AttributionGapReport.From(result).Overall.Gap;

        Assert.Equal(FigureProvenance.Allocated, gap.Provenance);
        Assert.Contains("allocated as even shares", gap.Explanation);
    }

    [Fact]
    public void Gap_of_measured_and_allocated_resources_is_labelled_mixed()
    {
        var a = CostScenario.Resource("lambda:function", "us-east-1", 1, []);
        var b = CostScenario.Resource("lambda:function", "us-east-1", 2, []);
        var result = Base.With(a).With(b).With(CostScenario.Lambda, "us-east-1", 1_000).WithMeasured(a.Arn, 400).Build();

        var gap = AttributionGapReport.From(result).Overall.Gap;

        Assert.Equal(1_000, gap.Cents);
        Assert.Equal(FigureProvenance.Mixed, gap.Provenance);
    }

    [Fact]
    public void Gap_of_resources_without_cost_data_is_labelled_unavailable()
    {
        var db = CostScenario.Resource("rds:db", "us-east-1", 1, []);
        var result = Base.With(db).Build();

        var gap = AttributionGapReport.From(result).Overall.Gap;

        Assert.Equal(0, gap.Cents);
        Assert.Equal(FigureProvenance.Unavailable, gap.Provenance);
        Assert.Contains("without cost data", gap.Explanation);
    }

    [Fact]
    public void A_figure_nothing_contributes_to_is_labelled_none()
    {
        var fn = CostScenario.Resource("lambda:function", "us-east-1", 1);
        var result = Base.With(fn).With(CostScenario.Lambda, "us-east-1", 100).Build();

        var report = AttributionGapReport.From(result);

        Assert.Equal(FigureProvenance.None, report.Overall.Gap.Provenance);
        Assert.Equal(FigureProvenance.None, report.Overall.Untaggable.Provenance);
        Assert.Equal(FigureProvenance.Billed, report.Overall.Total.Provenance);
        Assert.Contains("1 cost line", report.Overall.Total.Explanation);
        Assert.Contains("October 2026", report.Overall.Total.Explanation);
        Assert.Contains("UnblendedCost", report.Overall.Total.Explanation);
    }

    [Fact]
    public void Untaggable_and_unallocated_figures_name_their_services()
    {
        var result = Base.With(CostScenario.Tax, "us-east-1", 120).With(CostScenario.SageMaker, "eu-west-1", 5_000).Build();

        var overall = AttributionGapReport.From(result).Overall;

        Assert.Equal(FigureProvenance.Billed, overall.Untaggable.Provenance);
        Assert.Contains("Tax", overall.Untaggable.Explanation);
        Assert.Equal(5_000, overall.Unallocated.Cents);
        Assert.Contains("'Amazon SageMaker' in eu-west-1 $50.00", overall.Unallocated.Explanation);
    }

    [Fact]
    public void Grouping_by_resource_type_gives_untaggable_and_unallocated_rows_of_their_own()
    {
        var fn = CostScenario.Resource("lambda:function", "us-east-1", 1, []);
        var vol = CostScenario.Resource("ec2:volume", "us-east-1", 2);
        var result = Base.With(fn).With(vol)
            .With(CostScenario.Lambda, "us-east-1", 300).With(CostScenario.Ec2Other, "us-east-1", 200)
            .With(CostScenario.Tax, "us-east-1", 50).With(CostScenario.Rds, "us-east-1", 70)
            .Build();

        var rows = AttributionGapReport.From(result, GapGrouping.ResourceType).Rows;

        Assert.Equal(["lambda:function", "ec2:volume", "untaggable", "unallocated"], rows.Select(r => r.Key));
        Assert.Equal(300, rows[0].Gap.Cents);
        Assert.Equal(200, rows[1].Attributable.Cents);
        Assert.Equal(50, rows[2].Total.Cents);
        Assert.Equal(70, rows[3].Unallocated.Cents);
    }

    [Fact]
    public void Grouping_by_service_puts_each_line_under_its_service()
    {
        var fn = CostScenario.Resource("lambda:function", "us-east-1", 1, []);
        var fn2 = CostScenario.Resource("lambda:function", "eu-west-1", 2);
        var result = Base.With(fn).With(fn2)
            .With(CostScenario.Lambda, "us-east-1", 300).With(CostScenario.Lambda, "eu-west-1", 100)
            .With(CostScenario.Support, "us-east-1", 10)
            .Build();

        var rows = AttributionGapReport.From(result, GapGrouping.Service).Rows;
        var lambda = rows.Single(r => r.Key == CostScenario.Lambda);

        Assert.Equal(new FinOps.Domain.Scanning.CostReconciliation(400, 100, 300, 0, 0, 0), lambda.Reconciliation);
        Assert.Equal(10, rows.Single(r => r.Key == CostScenario.Support).Untaggable.Cents);
        Assert.Contains("2 cost lines", lambda.Total.Explanation);
    }

    [Fact]
    public void Per_tag_key_the_scans_figure_stands_beside_an_unavailable_measurement_when_the_source_has_none()
    {
        var fn = CostScenario.Resource("lambda:function", "us-east-1", 1, [new Tag("Owner", "ops@example.com")]);
        var result = Base.With(fn).With(CostScenario.Lambda, "us-east-1", 300).Build();

        var costCenter = AttributionGapReport.From(result).UntaggedByTagKey.Single(t => t.TagKey == "CostCenter");

        Assert.Equal(1, costCenter.ResourcesWithout);
        Assert.Equal(300, costCenter.FromResources.Cents);
        Assert.Equal(FigureProvenance.Unavailable, costCenter.Measured.Provenance);
    }

    [Fact]
    public void Measured_untagged_spend_per_region_is_narrowed_by_the_region_filter()
    {
        var scenario = Base with
        {
            Untagged = [UntaggedSpend.PerRegion(UntaggedSpendScope.EveryTaggableService("CostCenter"), [("us-east-1", 700), ("eu-west-1", 300), ("ap-south-1", 50)])],
        };
        var result = scenario.With(CostScenario.Lambda, "us-east-1", 1).Build();

        // Unfiltered, the view is the scanned regions: spend of a region the scan did not cover counts nowhere.
        var all = AttributionGapReport.From(result).UntaggedByTagKey.Single(t => t.TagKey == "CostCenter");
        var narrowed = AttributionGapReport.From(result.ForRegions(["eu-west-1"])).UntaggedByTagKey.Single(t => t.TagKey == "CostCenter");

        Assert.Equal(1_000, all.Measured.Cents);
        Assert.Equal(300, narrowed.Measured.Cents);
        Assert.Equal(FigureProvenance.Measured, narrowed.Measured.Provenance);
        Assert.False(narrowed.MeasuredAccountWide);
        Assert.Contains("in the selected regions", narrowed.Measured.Explanation);
    }

    [Fact]
    public void Measured_untagged_spend_of_a_key_without_untagged_spend_in_the_view_is_zero_not_unavailable()
    {
        var scenario = Base with { Untagged = [UntaggedSpend.PerRegion(UntaggedSpendScope.EveryTaggableService("Owner"), [("us-east-1", 700)])] };
        var result = scenario.With(CostScenario.Lambda, "us-east-1", 1).Build().ForRegions(["eu-west-1"]);

        var owner = AttributionGapReport.From(result).UntaggedByTagKey.Single(t => t.TagKey == "Owner").Measured;

        Assert.Equal((0L, FigureProvenance.Measured), (owner.Cents, owner.Provenance));
    }

    [Fact]
    public void Account_wide_measured_untagged_spend_is_flagged_account_wide_when_a_region_filter_is_active()
    {
        var scenario = Base with { Untagged = [UntaggedSpend.AccountWide(UntaggedSpendScope.EveryTaggableService("Owner"), 900)] };
        var result = scenario.With(CostScenario.Lambda, "us-east-1", 1).Build();

        var unfiltered = AttributionGapReport.From(result).UntaggedByTagKey.Single(t => t.TagKey == "Owner");
        var filtered = AttributionGapReport.From(result.ForRegions(["us-east-1"])).UntaggedByTagKey.Single(t => t.TagKey == "Owner");

        Assert.Equal((900L, false), (unfiltered.Measured.Cents, unfiltered.MeasuredAccountWide));
        Assert.Equal((900L, true), (filtered.Measured.Cents, filtered.MeasuredAccountWide));
        Assert.Contains("account-wide: not narrowed", filtered.Measured.Explanation);
    }

    [Fact]
    public void Measured_untagged_spend_says_which_services_it_covers()
    {
        var scope = UntaggedSpendScope.ForTypes("DataClassification", ["s3:bucket", "rds:db"]);
        var scenario = Base with { Untagged = [UntaggedSpend.PerRegion(scope, [("us-east-1", 400)])] };
        var result = scenario.With(CostScenario.Lambda, "us-east-1", 1).Build();

        var tag = AttributionGapReport.From(result).UntaggedByTagKey.Single(t => t.TagKey == "DataClassification");

        Assert.Equal(scope, tag.MeasuredOver);
        Assert.Equal(400, tag.Measured.Cents);
        Assert.Contains("Measured over Amazon Relational Database Service and Amazon Simple Storage Service spend only", tag.Measured.Explanation);
    }

    [Fact]
    public void Measured_untagged_spend_of_a_key_whose_types_generate_no_cost_is_zero_by_definition()
    {
        var scope = UntaggedSpendScope.ForTypes("Owner", ["ec2:vpc"]);
        var scenario = Base with { Untagged = [UntaggedSpend.PerRegion(scope, [])] };
        var result = scenario.With(CostScenario.Lambda, "us-east-1", 1).Build();

        var owner = AttributionGapReport.From(result).UntaggedByTagKey.Single(t => t.TagKey == "Owner");

        Assert.Equal((0L, FigureProvenance.None), (owner.Measured.Cents, owner.Measured.Provenance));
        Assert.Equal(scope.Description, owner.Measured.Explanation);
    }

    [Fact]
    public void Without_a_measurement_a_key_says_nothing_about_services()
    {
        var result = Base.With(CostScenario.Lambda, "us-east-1", 1).Build();

        Assert.All(AttributionGapReport.From(result).UntaggedByTagKey, t => Assert.Null(t.MeasuredOver));
    }

    [Fact]
    public void Fix_plan_ranks_by_cost_at_stake_and_says_what_fixing_the_top_closes()
    {
        var scenario = Base;
        for (var i = 1; i <= 3; i++)
        {
            scenario = scenario.With(CostScenario.Resource("lambda:function", "us-east-1", i, []))
                .WithMeasured(CostScenario.Resource("lambda:function", "us-east-1", i).Arn, i * 100);
        }

        var result = scenario.With(CostScenario.Lambda, "us-east-1", 600).Build();
        var closure = FixRanking.Build(result, top: 2).Region("us-east-1")!;

        Assert.Equal([300L, 200L], closure.Resources.Select(r => r.CostAtStakeCents));
        Assert.Equal([1, 2], closure.Resources.Select(r => r.Rank));
        Assert.Equal(["CostCenter", "Owner"], closure.Resources[0].BrokenTagKeys.ToArray());
        Assert.Equal(83.3, closure.PercentOfGap);
        Assert.Equal("Fixing these 2 resources closes 83.3% of the gap in us-east-1 ($5.00 of $6.00).", closure.Sentence);
    }

    [Fact]
    public void Closure_rounds_down_so_it_never_claims_the_whole_gap_too_early()
    {
        var closure = new GapClosure("eu-west-1", [], 99_999, 100_000, 2);

        Assert.Equal(99.9, closure.PercentOfGap);
        Assert.Equal("There is no cost attribution gap in eu-west-1.", (closure with { GapCents = 0 }).Sentence);
    }

    [Fact]
    public void Ranking_all_resources_puts_the_costliest_first_and_breaks_ties_by_arn()
    {
        var a = CostScenario.Resource("lambda:function", "us-east-1", 2, []);
        var b = CostScenario.Resource("lambda:function", "us-east-1", 1, []);
        var result = Base.With(a).With(b).With(CostScenario.Lambda, "us-east-1", 200).Build();

        var ranked = FixRanking.Rank(result.Resources);

        Assert.Equal([b.Arn, a.Arn], ranked.Select(r => r.Arn));
    }
}
