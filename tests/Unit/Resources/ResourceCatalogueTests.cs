using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Resources;

/// <summary>The resource-type catalogue.</summary>
public sealed class ResourceCatalogueTests
{
    private static readonly string[] SpecCostTypes =
    [
        "ec2:instance", "ec2:volume", "ec2:snapshot", "ec2:elastic-ip", "ec2:natgateway", "lambda:function", "ecs:cluster",
        "ecs:service", "eks:cluster", "eks:nodegroup", "s3:bucket", "elasticfilesystem:file-system", "fsx:file-system",
        "rds:db", "rds:cluster", "dynamodb:table", "elasticache:cluster", "redshift:cluster", "sagemaker:endpoint",
        "sagemaker:notebook-instance", "elasticloadbalancing:loadbalancer", "kinesis:stream", "glue:job",
        "opensearch:domain", "emr:cluster", "secretsmanager:secret", "kms:key", "apigateway:restapi",
        "cloudfront:distribution", "route53:hostedzone", "stepfunctions:statemachine", "codebuild:project",
    ];

    private static readonly string[] SpecFreeTypes =
        ["ec2:vpc", "ec2:subnet", "ec2:security-group", "sqs:queue", "sns:topic", "logs:log-group", "cloudwatch:alarm", "ecr:repository"];

    [Fact]
    public void Every_cost_generating_type_of_the_specification_is_in_the_catalogue_and_generates_cost()
    {
        foreach (var name in SpecCostTypes)
        {
            Assert.True(ResourceCatalogue.TryGet(name, out var type), name);
            Assert.True(type.GeneratesCost, name);
            Assert.False(string.IsNullOrEmpty(type.CostService), name);
        }
    }

    [Fact]
    public void Every_free_type_of_the_specification_is_in_the_catalogue_without_cost()
    {
        foreach (var name in SpecFreeTypes)
        {
            Assert.True(ResourceCatalogue.TryGet(name, out var type), name);
            Assert.False(type.GeneratesCost, name);
            Assert.Null(type.CostService);
        }
    }

    [Fact]
    public void Type_names_are_unique_and_of_the_form_service_colon_kind()
    {
        Assert.Equal(ResourceCatalogue.All.Length, ResourceCatalogue.All.Select(t => t.Name).Distinct().Count());
        Assert.All(ResourceCatalogue.All, t => Assert.Matches("^[a-z0-9]+:[a-z0-9-]+$", t.Name));
        Assert.Equal("ec2", ResourceCatalogue.Get("ec2:natgateway").Service);
        Assert.Equal("ec2:instance", ResourceCatalogue.Get("ec2:instance").ToString());
    }

    [Fact]
    public void All_means_every_cost_generating_type_and_no_free_type()
    {
        var all = ResourceCatalogue.Resolve([ResourceCatalogue.AllKeyword]).Select(t => t.Name).ToList();

        Assert.Equal(SpecCostTypes.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Equal(ResourceCatalogue.CostGenerating.Select(t => t.Name), all);
        Assert.DoesNotContain(all, SpecFreeTypes.Contains);
    }

    [Fact]
    public void Free_types_are_scannable_on_request_alongside_all()
    {
        var resolved = ResourceCatalogue.Resolve(["sqs:queue", "all", "ec2:instance", " sqs:queue "]).Select(t => t.Name).ToList();

        Assert.Contains("sqs:queue", resolved);
        Assert.Equal(SpecCostTypes.Length + 1, resolved.Count);
        Assert.Equal(ResourceCatalogue.All.Select(t => t.Name).Where(resolved.Contains), resolved); // catalogue order
    }

    [Fact]
    public void Unknown_type_is_an_error_naming_it_and_listing_the_valid_types()
    {
        var ex = Assert.Throws<UnknownResourceTypeException>(() => ResourceCatalogue.Resolve(["ec2:instance", "ec2:instances", "s3:object"]));

        Assert.Equal(["ec2:instances", "s3:object"], ex.Names);
        Assert.Contains("Unknown resource types 'ec2:instances', 's3:object'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ResourceCatalogue.ValidTypeList, ex.Message, StringComparison.Ordinal);
        Assert.All(SpecCostTypes.Concat(SpecFreeTypes), name => Assert.Contains(name, ResourceCatalogue.ValidTypeList, StringComparison.Ordinal));
        var single = Assert.Throws<UnknownResourceTypeException>(() => ResourceCatalogue.Get("ec2:instances"));
        Assert.Contains("Valid types: ", single.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_names_are_matched_exactly()
    {
        Assert.False(ResourceCatalogue.TryGet("EC2:Instance", out _));
        Assert.Throws<UnknownResourceTypeException>(() => ResourceCatalogue.Resolve(["ALL"]));
    }

    [Fact]
    public void Empty_request_is_an_error_listing_the_valid_types()
    {
        var ex = Assert.Throws<UnknownResourceTypeException>(() => ResourceCatalogue.Resolve([]));

        Assert.Contains("No resource types requested", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ResourceCatalogue.ValidTypeList, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_request_made_only_of_free_types_is_an_error_listing_the_cost_generating_types()
    {
        var ex = Assert.Throws<UnknownResourceTypeException>(() => ResourceCatalogue.ResolveCostGenerating(["sqs:queue", "ec2:vpc"]));

        Assert.Equal(["ec2:vpc", "sqs:queue"], ex.Names);
        Assert.Contains("'ec2:vpc', 'sqs:queue' generate no cost", ex.Message, StringComparison.Ordinal);
        Assert.All(SpecCostTypes, name => Assert.Contains(name, ex.Message, StringComparison.Ordinal));
        Assert.Contains("'iam:role' generates no cost", Assert.Throws<UnknownResourceTypeException>(() => ResourceCatalogue.ResolveCostGenerating(["iam:role"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_request_mixing_free_and_cost_types_keeps_only_the_cost_types()
    {
        var types = ResourceCatalogue.ResolveCostGenerating(["sqs:queue", "rds:db", "ec2:vpc"]);

        Assert.Equal(["rds:db"], types.Select(t => t.Name));
    }

    [Fact]
    public void Global_types_are_S3_CloudFront_Route53_and_IAM()
    {
        var global = ResourceCatalogue.All.Where(t => t.IsGlobal).Select(t => t.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["cloudfront:distribution", "iam:policy", "iam:role", "iam:user", "route53:hostedzone", "s3:bucket"], global);
        Assert.True(ResourceCatalogue.IsGlobal("s3:bucket"));
        Assert.False(ResourceCatalogue.IsGlobal("ec2:instance"));
        Assert.False(ResourceCatalogue.IsGlobal("no:such"));
        Assert.Equal("global", ResourceCatalogue.GlobalRegion);
    }

    [Theory]
    [InlineData("ec2:volume")]
    [InlineData("ec2:snapshot")]
    [InlineData("ec2:natgateway")]
    [InlineData("ec2:elastic-ip")]
    public void EBS_snapshots_NAT_gateways_and_Elastic_IPs_cost_under_EC2_Other(string type)
    {
        Assert.Equal("EC2 - Other", ResourceCatalogue.Get(type).CostService);
        Assert.Contains(type, ResourceCatalogue.TypesCostingUnder("EC2 - Other").Select(t => t.Name));
    }

    [Fact]
    public void Instances_cost_under_Amazon_Elastic_Compute_Cloud_Compute()
    {
        Assert.Equal("Amazon Elastic Compute Cloud - Compute", ResourceCatalogue.Get("ec2:instance").CostService);
        Assert.Equal(["ec2:instance"], ResourceCatalogue.TypesCostingUnder("Amazon Elastic Compute Cloud - Compute").Select(t => t.Name));
        Assert.Empty(ResourceCatalogue.TypesCostingUnder("Tax"));
    }

    [Theory]
    [InlineData("Tax")]
    [InlineData("AWS Support (Business)")]
    [InlineData("AWS Support (Enterprise)")]
    [InlineData("AWS Support (Some Future Plan)")]
    [InlineData("AWS Marketplace")]
    [InlineData("AWS Data Transfer")]
    [InlineData("AWS Cost Explorer")]
    public void Services_that_can_never_be_tagged_are_untaggable(string service) =>
        Assert.True(ResourceCatalogue.IsUntaggable(service));

    [Fact]
    public void Services_of_catalogue_types_are_not_untaggable()
    {
        Assert.All(ResourceCatalogue.CostGenerating, t => Assert.False(ResourceCatalogue.IsUntaggable(t.CostService!), t.Name));
    }

    [Fact]
    public void Coverage_is_complete_for_own_listings_and_tagged_only_for_the_tagging_API()
    {
        Assert.Equal(Coverage.Complete, ResourceCatalogue.Get("ec2:instance").LiveCoverage);
        Assert.Equal(Coverage.Complete, ResourceCatalogue.Get("s3:bucket").LiveCoverage);
        Assert.Equal(Coverage.TaggedOnly, ResourceCatalogue.Get("lambda:function").LiveCoverage);
        Assert.Equal("es:domain", ResourceCatalogue.Get("opensearch:domain").TaggingApiFilter);
    }
}
