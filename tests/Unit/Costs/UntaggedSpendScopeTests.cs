using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Costs;

public sealed class UntaggedSpendScopeTests
{
    private static readonly TaggingPolicy DefaultPolicy =
        TaggingPolicyJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "tagging-policy.json")));

    [Fact]
    public void A_key_that_applies_to_types_is_measured_over_the_services_those_types_cost_under()
    {
        var scope = UntaggedSpendScope.ForRequirement(DefaultPolicy.Find("DataClassification")!);

        Assert.False(scope.CoversEveryTaggableService);
        Assert.Equal(
            ["Amazon DynamoDB", "Amazon Elastic File System", "Amazon Relational Database Service", "Amazon Simple Storage Service", "EC2 - Other"],
            scope.Services.ToArray());
        Assert.True(scope.Covers("EC2 - Other"));
        Assert.False(scope.Covers("Amazon Elastic Compute Cloud - Compute"));
        Assert.False(scope.Covers("Tax"));
    }

    [Fact]
    public void A_key_that_applies_to_every_type_covers_every_service_but_the_untaggable_ones()
    {
        var scope = UntaggedSpendScope.ForRequirement(DefaultPolicy.Find("Owner")!);

        Assert.True(scope.CoversEveryTaggableService);
        Assert.True(scope.Services.IsEmpty);
        Assert.All(ResourceCatalogue.UntaggableServices, s => Assert.False(scope.Covers(s)));
        Assert.True(scope.Covers("Amazon CloudWatch"));
        Assert.True(scope.Covers("Amazon Elastic Compute Cloud - Compute"));
    }

    [Fact]
    public void Types_that_generate_no_cost_add_no_service_and_a_key_with_only_those_measures_nothing()
    {
        var some = UntaggedSpendScope.ForTypes("Owner", ["ec2:vpc", "lambda:function", "iam:role"]);
        var none = UntaggedSpendScope.ForTypes("Owner", ["ec2:vpc", "iam:role"]);

        Assert.Equal(["AWS Lambda"], some.Services.ToArray());
        Assert.True(none.MeasuresNothing);
        Assert.False(none.Covers("AWS Lambda"));
        Assert.Contains("generates cost", none.Description);
    }

    [Fact]
    public void The_policy_gives_one_scope_per_required_key_in_policy_order()
    {
        var scopes = UntaggedSpendScope.ForPolicy(DefaultPolicy);

        Assert.Equal(["CostCenter", "Owner", "Environment", "Application", "DataClassification"], scopes.Select(s => s.TagKey));
        Assert.Equal([true, true, true, false, false], scopes.Select(s => s.CoversEveryTaggableService));
        Assert.Equal(scopes.ToArray(), CostQuery.ForPolicy(BillingPeriod.Month(2026, 10), CostMetric.Unblended, DefaultPolicy).Untagged.ToArray());
    }

    [Fact]
    public void The_description_names_the_services_and_the_key()
    {
        var scope = UntaggedSpendScope.ForTypes("DataClassification", ["s3:bucket", "rds:db", "rds:cluster"]);

        Assert.Equal(
            "Measured over Amazon Relational Database Service and Amazon Simple Storage Service spend only — the services of the types 'DataClassification' applies to (s3:bucket, rds:db, rds:cluster).",
            scope.Description);
        Assert.Contains("tax, support and other untaggable services are left out", UntaggedSpendScope.EveryTaggableService("Owner").Description);
    }

    [Fact]
    public void An_unknown_type_is_refused_with_the_valid_types()
    {
        var error = Assert.Throws<UnknownResourceTypeException>(() => UntaggedSpendScope.ForTypes("Owner", ["ec2:instnace"]));

        Assert.Equal(["ec2:instnace"], error.Names);
        Assert.Contains("ec2:instance", error.Message);
    }

    [Fact]
    public void Queries_for_the_same_keys_over_other_services_are_different_queries()
    {
        var period = BillingPeriod.Month(2026, 10);
        var narrow = new CostQuery(period, CostMetric.Unblended, [UntaggedSpendScope.ForTypes("Owner", ["s3:bucket"])]);
        var same = new CostQuery(period, CostMetric.Unblended, [UntaggedSpendScope.ForTypes("Owner", ["s3:bucket"])]);
        var wide = new CostQuery(period, CostMetric.Unblended, [UntaggedSpendScope.EveryTaggableService("Owner")]);

        Assert.Equal(narrow, same);
        Assert.Equal(narrow.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(narrow, wide);
    }
}
