using FinOps.Aws.Sample;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Sample;

public class SampleAccountContentTests(SampleAccountFixture sample) : IClassFixture<SampleAccountFixture>
{
    private static readonly CostQuery October = new(BillingPeriod.Month(2026, 10), CostMetric.Unblended, []);

    [Fact]
    public async Task Catalogue_lists_20_regions_of_which_3_are_not_opted_in()
    {
        var regions = await new SampleRegionCatalogue(sample.Account).ListRegionsAsync(CancellationToken.None);

        Assert.Equal(20, regions.Count);
        Assert.Equal(20, regions.Select(r => r.Name).Distinct().Count());
        Assert.Equal(["af-south-1", "ap-east-1", "me-south-1"],
            regions.Where(r => r.OptInStatus == OptInStatus.NotOptedIn).Select(r => r.Name).Order());
        Assert.Contains(regions, r => r.OptInStatus == OptInStatus.OptedIn);
        Assert.Contains(regions, r => r is { Name: "us-east-1", OptInStatus: OptInStatus.OptInNotRequired });
    }

    [Fact]
    public async Task Default_account_has_at_least_5000_cost_generating_resources_over_at_least_20_types()
    {
        var costGenerating = sample.Resources.Where(r => ResourceCatalogue.Get(r.Type).GeneratesCost).ToList();

        Assert.True(costGenerating.Count >= 5_000, $"{costGenerating.Count} cost-generating resources");
        Assert.True(costGenerating.Select(r => r.Type).Distinct().Count() >= 20);
        Assert.Equal(ResourceCatalogue.All.Select(t => t.Name).Order(), sample.Resources.Select(r => r.Type).Distinct().Order());
        Assert.Equal(await sample.Account.CountResourcesAsync(CancellationToken.None), sample.Resources.Count);
    }

    [Fact]
    public void Resources_are_weighted_towards_us_east_1_and_eu_west_1()
    {
        var byRegion = sample.Resources.Where(r => r.Region != ResourceCatalogue.GlobalRegion)
            .GroupBy(r => r.Region).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();

        Assert.Equal(["us-east-1", "eu-west-1"], byRegion.Take(2));
        Assert.True(sample.Resources.Count(r => r.Type == "ec2:instance") > 20 * sample.Resources.Count(r => r.Type == "redshift:cluster"));
    }

    [Fact]
    public void Every_violation_kind_occurs_under_the_shipped_policy_with_the_classic_mistakes()
    {
        var violations = sample.Resources.SelectMany(r => sample.Evaluator.Evaluate(r).Violations).ToList();

        Assert.Equal(Enum.GetValues<ViolationKind>().Order(), violations.Select(v => v.Kind).Distinct().Order());
        Assert.Contains(violations, v => v is { Kind: ViolationKind.MissingRequiredTag, TagKey: "Owner" });
        Assert.Contains(violations, v => v is { Kind: ViolationKind.KeyCaseMismatch, CurrentValue: "environment" });
        Assert.Contains(violations, v => v is { Kind: ViolationKind.KeyCaseMismatch, CurrentValue: "costcenter" });
        Assert.Contains(violations, v => v is { Kind: ViolationKind.InvalidValue, TagKey: "Environment", CurrentValue: "Prod" });
        Assert.Contains(violations, v => v is { Kind: ViolationKind.InvalidFormat, TagKey: "Owner", CurrentValue: "alice@gmail.com" });
        Assert.Contains(violations, v => v is { Kind: ViolationKind.InvalidFormat, TagKey: "Owner", CurrentValue: "bob" });
        Assert.Contains(violations, v => v is { Kind: ViolationKind.InvalidValue, TagKey: "CostCenter" });
        Assert.Contains(violations, v => v is { Kind: ViolationKind.InvalidValue, CurrentValue: "" });
        Assert.Contains(violations, v => v is { Kind: ViolationKind.ValueTooLong });
        Assert.Contains(sample.Resources, r => r.Tags.IsEmpty);
    }

    [Fact]
    public void Most_resources_comply_so_the_overall_score_is_plausible()
    {
        var verdicts = sample.Resources.Select(r => sample.Evaluator.Evaluate(r).Verdict).Where(v => v.InScope).ToList();
        var score = 100.0 * verdicts.Count(v => v.Compliant) / verdicts.Count;

        Assert.InRange(score, 55, 80);
    }

    [Fact]
    public void S3_buckets_carry_their_home_region_and_cloudfront_and_route53_are_global()
    {
        var enabled = sample.Resources.Select(r => r.Region).Where(r => r != ResourceCatalogue.GlobalRegion).ToHashSet();
        var buckets = sample.Resources.Where(r => r.Type == "s3:bucket").ToList();

        Assert.NotEmpty(buckets);
        Assert.All(buckets, b => Assert.Contains(b.Region, enabled));
        Assert.True(buckets.Select(b => b.Region).Distinct().Count() > 3);
        Assert.All(sample.Resources.Where(r => r.Type is "cloudfront:distribution" or "route53:hostedzone" or "iam:role"),
            r => Assert.Equal(ResourceCatalogue.GlobalRegion, r.Region));
        Assert.Contains(sample.Resources, r => r.Type == "cloudfront:distribution");
        Assert.Contains(sample.Resources, r => r.Type == "route53:hostedzone");
    }

    [Fact]
    public void Every_arn_is_unique_parses_and_names_the_resource_region_and_account()
    {
        Assert.Equal(sample.Resources.Count, sample.Resources.Select(r => r.Arn).Distinct().Count());
        foreach (var resource in sample.Resources)
        {
            var arn = Arn.Parse(resource.Arn);
            var type = ResourceCatalogue.Get(resource.Type);
            Assert.Equal("aws", arn.Partition);
            if (!type.IsGlobal)
            {
                Assert.Equal(resource.Region, arn.Region);
            }

            // S3, Route 53 and API Gateway ARNs carry no account id; every other one carries the sample's.
            var expectedAccount = resource.Type is "s3:bucket" or "route53:hostedzone" or "apigateway:restapi" ? "" : SampleAccount.AccountId;
            Assert.Equal(expectedAccount, arn.Account);
        }

        Assert.Contains(sample.Resources, r => r.Arn.StartsWith("arn:aws:ec2:us-east-1:123456789012:instance/i-0", StringComparison.Ordinal));
        Assert.Contains(sample.Resources, r => r.Arn.StartsWith("arn:aws:s3:::", StringComparison.Ordinal));
        Assert.Contains(sample.Resources, r => r.Arn.StartsWith("arn:aws:es:", StringComparison.Ordinal));
    }

    [Fact]
    public void Resources_have_names_creation_dates_and_vpc_bound_ones_a_vpc_of_their_region()
    {
        var vpcsByRegion = sample.Resources.Where(r => r.Type == "ec2:vpc").ToLookup(r => r.Region, r => r.VpcId);

        var nameTagged = SampleTypeProfiles.All.Where(p => p.HasNameTag).Select(p => p.Type).ToHashSet();
        Assert.All(sample.Resources, r => Assert.Equal(nameTagged.Contains(r.Type) ? r.TagValue("Name") : r.Name, r.Name));
        Assert.All(sample.Resources.Where(r => !r.Tags.IsEmpty), r => Assert.False(string.IsNullOrEmpty(r.Name)));
        Assert.All(sample.Resources, r => Assert.True(r.CreatedAt < SampleAccountGenerator.Anchor));
        Assert.All(sample.Resources.Where(r => r.Type is "ec2:instance" or "rds:db" or "ec2:security-group"),
            r => Assert.Contains(r.VpcId, vpcsByRegion[r.Region]));
        Assert.All(sample.Resources.Where(r => r.Type is "s3:bucket" or "lambda:function"), r => Assert.Null(r.VpcId));
    }

    [Fact]
    public async Task Stopped_instances_cost_nothing_while_volumes_still_cost()
    {
        var costs = await new SampleCostSource(sample.Account).GetCostsAsync(October, CancellationToken.None);
        var instances = sample.Resources.Where(r => r.Type == "ec2:instance").ToList();

        Assert.Contains(instances, i => i.IsStopped);
        Assert.Contains(instances, i => i.State == "running");
        Assert.All(instances.Where(i => i.IsStopped), i => Assert.Equal(0, costs.MeasuredResourceCosts[i.Arn]));
        Assert.All(instances.Where(i => !i.IsStopped), i => Assert.True(costs.MeasuredResourceCosts[i.Arn] > 0));
        Assert.All(sample.Resources.Where(r => r.Type == "ec2:volume"), v => Assert.True(costs.MeasuredResourceCosts[v.Arn] > 0));
    }

    [Fact]
    public async Task Costs_depend_on_type_and_size()
    {
        var costs = await new SampleCostSource(sample.Account).GetCostsAsync(October, CancellationToken.None);
        double Average(string type) => sample.Resources.Where(r => r.Type == type).Average(r => costs.MeasuredResourceCosts[r.Arn]);

        Assert.True(Average("redshift:cluster") > 10 * Average("ec2:volume"));
        Assert.True(Average("kms:key") < Average("rds:db"));
        Assert.True(sample.Resources.Where(r => r.Type == "ec2:instance" && !r.IsStopped)
            .Select(r => costs.MeasuredResourceCosts[r.Arn]).Distinct().Count() > 50);
    }

    [Fact]
    public async Task Bill_has_untaggable_spend_and_a_service_no_resource_carries()
    {
        var costs = await new SampleCostSource(sample.Account).GetCostsAsync(October, CancellationToken.None);

        Assert.Contains(costs.Lines, l => l is { Service: "Tax", Region: "global" } && l.AmountCents > 0);
        Assert.Contains(costs.Lines, l => l.Service == "AWS Support (Business)");
        Assert.Contains(costs.Lines, l => l is { Service: "AWS Data Transfer", Region: "us-east-1" });
        Assert.Contains(costs.Lines, l => l.Service == "Amazon CloudWatch" && ResourceCatalogue.TypesCostingUnder(l.Service).IsEmpty);
        Assert.All(costs.Lines.Where(l => l.Service is "Tax" or "AWS Support (Business)" or "AWS Data Transfer"),
            l => Assert.True(ResourceCatalogue.IsUntaggable(l.Service)));
        Assert.Equal(SampleCostSource.SourceLabel, costs.SourceLabel);
        Assert.Equal(October.Period, costs.Period);
    }

    [Fact]
    public async Task Allocation_of_the_sample_bill_gives_every_resource_its_measured_cost_and_reconciles()
    {
        var costs = await new SampleCostSource(sample.Account).GetCostsAsync(October, CancellationToken.None);

        var allocation = CostAllocator.Allocate(sample.Resources, costs);

        Assert.Empty(allocation.Notes);
        Assert.Equal(costs.Lines.Sum(l => l.AmountCents), allocation.Regions.Sum(r => r.TotalCents));
        for (var i = 0; i < sample.Resources.Count; i++)
        {
            var resource = sample.Resources[i];
            var expected = ResourceCatalogue.Get(resource.Type).GeneratesCost
                ? new ResourceCost(costs.MeasuredResourceCosts[resource.Arn], CostProvenance.Measured)
                : ResourceCost.Unavailable;
            Assert.Equal(expected, allocation.ResourceCosts[i]);
        }

        var unallocated = costs.Lines.Where(l => !ResourceCatalogue.IsUntaggable(l.Service) && ResourceCatalogue.TypesCostingUnder(l.Service).IsEmpty).Sum(l => l.AmountCents);
        Assert.Equal(unallocated, allocation.Regions.Sum(r => r.UnallocatedCents));
    }

    [Fact]
    public async Task Untagged_spend_of_a_key_is_the_cost_of_resources_without_that_exact_key_per_region()
    {
        var query = October with { Untagged = [.. new[] { "Owner", "Environment", "NoSuchKey" }.Select(UntaggedSpendScope.EveryTaggableService)] };
        var costs = await new SampleCostSource(sample.Account).GetCostsAsync(query, CancellationToken.None);
        var costed = sample.Resources.Where(r => ResourceCatalogue.Get(r.Type).GeneratesCost).ToList();
        IEnumerable<CloudResource> Without(string key) => costed.Where(r => string.IsNullOrEmpty(r.TagValue(key)));

        Assert.Equal(["Owner", "Environment", "NoSuchKey"], costs.UntaggedByTagKey.Select(u => u.TagKey));
        Assert.All(costs.UntaggedByTagKey, u =>
        {
            var expected = Without(u.TagKey).GroupBy(r => r.Region).ToDictionary(g => g.Key, g => g.Sum(r => costs.MeasuredResourceCosts[r.Arn]));
            Assert.True(u.IsPerRegion);
            Assert.Equal(expected.Where(e => e.Value != 0).OrderBy(e => e.Key, StringComparer.Ordinal), u.CentsByRegion!);
            Assert.Equal(Without(u.TagKey).Sum(r => costs.MeasuredResourceCosts[r.Arn]), u.AccountCents);
        });
        Assert.True(costs.UntaggedByTagKey[0].AccountCents > 0);
        Assert.Equal(costs.MeasuredResourceCosts.Values.Sum(), costs.UntaggedByTagKey[2].AccountCents);
        Assert.True(costs.UntaggedByTagKey[0].AccountCents < costs.UntaggedByTagKey[2].AccountCents);
    }

    [Fact]
    public async Task A_regions_untagged_spend_never_exceeds_its_cost_lines()
    {
        var query = October with { Untagged = [UntaggedSpendScope.EveryTaggableService("Owner"), UntaggedSpendScope.EveryTaggableService("NoSuchKey")] };
        var costs = await new SampleCostSource(sample.Account).GetCostsAsync(query, CancellationToken.None);
        var lines = costs.Lines.GroupBy(l => l.Region).ToDictionary(g => g.Key, g => g.Sum(l => l.AmountCents));

        Assert.All(costs.UntaggedByTagKey, u => Assert.All(u.CentsByRegion!, r => Assert.InRange(r.Value, 1, lines[r.Key])));
    }

    [Fact]
    public async Task A_whole_month_costs_the_monthly_amount_and_part_of_a_month_its_share()
    {
        var source = new SampleCostSource(sample.Account);
        var february = await source.GetCostsAsync(October with { Period = BillingPeriod.Month(2026, 2) }, CancellationToken.None);
        var october = await source.GetCostsAsync(October, CancellationToken.None);
        var twoMonths = await source.GetCostsAsync(October with { Period = new BillingPeriod(new(2026, 9, 1), new(2026, 11, 1), BillingPeriodKind.Custom) }, CancellationToken.None);
        var tenDays = await source.GetCostsAsync(October with { Period = new BillingPeriod(new(2026, 10, 1), new(2026, 10, 11), BillingPeriodKind.Custom) }, CancellationToken.None);

        var arn = sample.Resources.First(r => r.Type == "rds:db" && !r.IsStopped).Arn;
        var monthly = october.MeasuredResourceCosts[arn];
        Assert.Equal(monthly, february.MeasuredResourceCosts[arn]);
        Assert.Equal(2 * monthly, twoMonths.MeasuredResourceCosts[arn]);
        Assert.Equal(monthly * 10 / 31, tenDays.MeasuredResourceCosts[arn]);
        Assert.Equal(october.Lines.Sum(l => l.AmountCents), february.Lines.Sum(l => l.AmountCents));
    }

    [Fact]
    public async Task Identity_is_the_sample_account_and_costs_are_free_to_query()
    {
        var identity = await new SampleAccountIdentity(sample.Account).DescribeAsync(CancellationToken.None);

        Assert.Equal(new AccountDescription("sample", "Sample account", "123456789012", SampleAccount.CallerIdentity), identity);
        Assert.Equal(0, new SampleCostSource(sample.Account).EstimateRequestCount(October));
    }

    [Fact]
    public void Every_catalogue_type_has_a_sample_profile()
    {
        Assert.Equal(ResourceCatalogue.All.Select(t => t.Name).Order(), SampleTypeProfiles.All.Select(p => p.Type).Order());
        Assert.All(SampleTypeProfiles.All, p => Assert.Equal(ResourceCatalogue.Get(p.Type).GeneratesCost, !p.Tiers.IsEmpty));
    }

    [Fact]
    public void Over_long_tags_exceed_the_shipped_limits()
    {
        var rules = sample.Evaluator.Policy.Rules;

        Assert.True(SampleTagVocabulary.OverLongNote.Length > rules.MaxValueLength);
        Assert.True(SampleTagVocabulary.OverLongKey.Length > rules.MaxKeyLength);
    }
}
