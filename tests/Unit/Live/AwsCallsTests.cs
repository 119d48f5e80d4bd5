using FinOps.Aws.Live;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Live;

public sealed class AwsCallsTests
{
    [Fact]
    public void Each_call_is_listed_once()
    {
        Assert.Equal(AwsCalls.All.Length, AwsCalls.All.Distinct().Count());
        Assert.Equal(AwsCalls.All.Length, AwsCalls.All.Select(c => c.IamAction).Distinct().Count());
    }

    [Fact]
    public void Ec2_types_use_one_describe_call_each_and_tagging_api_types_get_resources()
    {
        Assert.All(ResourceCatalogue.All.Where(t => t.Inventory == InventoryMethod.Ec2),
            t => Assert.StartsWith("ec2:Describe", Assert.Single(AwsCalls.ForType(t)).IamAction));
        Assert.All(ResourceCatalogue.All.Where(t => t.Inventory == InventoryMethod.TaggingApi),
            t => Assert.Equal(AwsCalls.GetResources, Assert.Single(AwsCalls.ForType(t))));
    }

    [Fact]
    public void S3_listing_needs_list_all_my_buckets_and_bucket_tagging()
    {
        var calls = AwsCalls.ForType(ResourceCatalogue.Get("s3:bucket")).Select(c => c.IamAction);

        Assert.Equal(["s3:ListAllMyBuckets", "s3:GetBucketLocation", "s3:GetBucketTagging"], calls);
    }
}
