using FinOps.Domain.Costs;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Tests.Unit.Costs;

public sealed class CostAllocationTests
{
    private static readonly CostScenario UsEast = CostScenario.Empty("us-east-1");

    [Fact]
    public void Measured_cost_is_used_as_is_and_labelled_measured()
    {
        var fn = CostScenario.Resource("lambda:function", "us-east-1", 1);
        var result = UsEast.With(fn).With(CostScenario.Lambda, "us-east-1", 900).WithMeasured(fn.Arn, 700).Build();

        Assert.Equal(new ResourceCost(700, CostProvenance.Measured), result.Find(fn.Arn)!.Cost);
        Assert.Equal(200, result.Costs.UnallocatedCents);
        Assert.True(result.Costs.Reconciles);
    }

    [Fact]
    public void A_line_is_split_evenly_and_the_remainder_cents_go_to_the_first_resources_by_arn()
    {
        var scenario = UsEast;
        for (var i = 3; i >= 1; i--)
        {
            scenario = scenario.With(CostScenario.Resource("lambda:function", "us-east-1", i));
        }

        var result = scenario.With(CostScenario.Lambda, "us-east-1", 1001).Build();

        Assert.Equal([334L, 334L, 333L], result.Resources.OrderBy(r => r.Arn, StringComparer.Ordinal).Select(r => r.Cost.Cents));
        Assert.All(result.Resources, r => Assert.Equal(CostProvenance.Allocated, r.Cost.Provenance));
        Assert.Equal(0, result.Costs.UnallocatedCents);
    }

    [Fact]
    public void A_resource_without_line_or_measurement_is_unavailable()
    {
        var db = CostScenario.Resource("rds:db", "us-east-1", 1);
        var result = UsEast.With(db).With(CostScenario.Lambda, "us-east-1", 500).Build();

        Assert.Equal(ResourceCost.Unavailable, result.Find(db.Arn)!.Cost);
        Assert.Equal(500, result.Costs.UnallocatedCents);
    }

    [Fact]
    public void Resources_of_free_types_are_unavailable_and_take_no_share()
    {
        var queue = CostScenario.Resource("sqs:queue", "us-east-1", 1);
        var result = UsEast.With(queue).With(CostScenario.Lambda, "us-east-1", 500).Build();

        Assert.Equal(CostProvenance.Unavailable, result.Find(queue.Arn)!.Cost.Provenance);
        Assert.Equal(500, result.Costs.UnallocatedCents);
    }

    [Fact]
    public void Stopped_instances_carry_no_compute_cost()
    {
        var running1 = CostScenario.Resource("ec2:instance", "us-east-1", 1, state: "running");
        var running2 = CostScenario.Resource("ec2:instance", "us-east-1", 2, state: "running");
        var stopped = CostScenario.Resource("ec2:instance", "us-east-1", 3, state: "stopped");
        var result = UsEast.With(running1).With(running2).With(stopped).With(CostScenario.Compute, "us-east-1", 1000).Build();

        Assert.Equal(500, result.Find(running1.Arn)!.Cost.Cents);
        Assert.Equal(500, result.Find(running2.Arn)!.Cost.Cents);
        Assert.Equal(new ResourceCost(0, CostProvenance.Allocated), result.Find(stopped.Arn)!.Cost);
        Assert.Equal(1, result.Allocation.LineAllocations.Single().StoppedInstances);
    }

    [Fact]
    public void When_every_instance_is_stopped_the_compute_line_stays_unallocated()
    {
        var stopped = CostScenario.Resource("ec2:instance", "us-east-1", 1, [], state: "stopped");
        var result = UsEast.With(stopped).With(CostScenario.Compute, "us-east-1", 1000).Build();

        Assert.Equal(0, result.Find(stopped.Arn)!.Cost.Cents);
        Assert.Equal(1000, result.Costs.UnallocatedCents);
        Assert.Equal(0, result.Costs.GapCents);
    }

    [Fact]
    public void Untaggable_services_are_separated_and_never_part_of_the_gap()
    {
        var untagged = CostScenario.Resource("lambda:function", "us-east-1", 1, []);
        var result = UsEast.With(untagged)
            .With(CostScenario.Lambda, "us-east-1", 300)
            .With(CostScenario.Tax, "us-east-1", 120)
            .With(CostScenario.Support, "us-east-1", 80)
            .Build();

        Assert.Equal(new CostReconciliation(500, 0, 300, 0, 200, 0), result.Costs);
    }

    [Fact]
    public void An_empty_period_gives_zero_totals_and_unavailable_costs()
    {
        var fn = CostScenario.Resource("lambda:function", "us-east-1", 1);
        var empty = CostSnapshot.Empty(CostScenario.October, CostMetric.Unblended, CostScenario.Now, "Test costs");
        var result = UsEast.With(fn).Build(empty);

        Assert.Equal(CostReconciliation.Zero, result.Costs);
        Assert.Equal(ResourceCost.Unavailable, result.Find(fn.Arn)!.Cost);
        var gap = AttributionGapReport.From(result);
        Assert.Equal(FigureProvenance.Unavailable, gap.Overall.Total.Provenance);
        Assert.Equal(FigureProvenance.Unavailable, gap.Overall.Attributable.Provenance);
        Assert.Contains("reported no spend", gap.Overall.Total.Explanation);
    }

    [Fact]
    public void A_region_with_spend_but_no_resources_is_all_unallocated()
    {
        var scenario = UsEast with { FailedRegions = ["eu-west-1"] };
        var result = scenario
            .With(CostScenario.Compute, "eu-west-1", 4_000)
            .With(CostScenario.Lambda, "eu-west-1", 1_000)
            .Build();

        var row = result.Region("eu-west-1")!;
        Assert.Equal(RegionScanStatus.Failed, row.Status);
        Assert.Equal(new CostReconciliation(5_000, 0, 0, 0, 0, 5_000), row.Costs);
        Assert.Contains(result.DataQuality.Notes, n => n.Contains("eu-west-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Spend_of_regions_the_scan_did_not_cover_is_left_out()
    {
        var result = UsEast.With(CostScenario.Lambda, "us-east-1", 100).With(CostScenario.Lambda, "sa-east-1", 999).Build();

        Assert.Equal(100, result.Costs.TotalCents);
        Assert.Null(result.Region("sa-east-1"));
    }

    [Fact]
    public void Measured_costs_above_their_line_join_the_total_with_a_note()
    {
        var a = CostScenario.Resource("lambda:function", "us-east-1", 1);
        var b = CostScenario.Resource("lambda:function", "us-east-1", 2);
        var result = UsEast.With(a).With(b).With(CostScenario.Lambda, "us-east-1", 1_000)
            .WithMeasured(a.Arn, 800).WithMeasured(b.Arn, 700).Build();

        var line = result.Allocation.LineAllocations.Single();
        Assert.Equal(500, line.ExcessMeasuredCents);
        Assert.Equal(1_500, result.Costs.TotalCents);
        Assert.Equal(0, result.Costs.UnallocatedCents);
        Assert.True(result.Costs.Reconciles);
        Assert.Contains(result.DataQuality.Notes, n => n.Contains("exceed the billed line by 5.00 USD", StringComparison.Ordinal));
    }

    [Fact]
    public void A_credit_line_is_never_spread_over_resources()
    {
        var fn = CostScenario.Resource("lambda:function", "us-east-1", 1);
        var result = UsEast.With(fn).With(CostScenario.Lambda, "us-east-1", -250).Build();

        Assert.Equal(new ResourceCost(0, CostProvenance.Allocated), result.Find(fn.Arn)!.Cost);
        Assert.Equal(new CostReconciliation(-250, 0, 0, 0, 0, -250), result.Costs);
    }

    [Fact]
    public void A_line_reported_twice_is_added_not_lost()
    {
        var fn = CostScenario.Resource("lambda:function", "us-east-1", 1);
        var result = UsEast.With(fn).With(CostScenario.Lambda, "us-east-1", 100).With(CostScenario.Lambda, "us-east-1", 50).Build();

        Assert.Equal(150, result.Find(fn.Arn)!.Cost.Cents);
        Assert.Single(result.Allocation.LineAllocations);
    }

    [Fact]
    public void Global_resources_take_the_global_line_once()
    {
        var cdn = CostScenario.Resource("cloudfront:distribution", ResourceCatalogue.GlobalRegion, 1);
        var scenario = UsEast with { GlobalListed = true, DuplicateEvery = 1 };
        var result = scenario.With(cdn).With(CostScenario.CloudFront, ResourceCatalogue.GlobalRegion, 640).Build();

        Assert.Single(result.Resources);
        Assert.Equal(640, result.Region(ResourceCatalogue.GlobalRegion)!.Costs.AttributableCents);
        Assert.Equal(640, result.Costs.TotalCents);
    }
}
