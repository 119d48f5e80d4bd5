using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Integration.Live;

public sealed class S3BucketInventoryTests
{
    private static readonly ResourceTypeInfo Bucket = ResourceCatalogue.Get("s3:bucket");

    [Fact]
    public async Task Buckets_of_every_page_are_attributed_to_their_home_region()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var buckets = await aws.Inventory.ListGlobalAsync(Bucket, CancellationToken.None).AllAsync();

        Assert.Equal(
            [
                ("arn:aws:s3:::finops-logs", "us-east-1"),
                ("arn:aws:s3:::finops-eu-data", "eu-west-1"),
                ("arn:aws:s3:::finops-oregon", "us-west-2"),
                ("arn:aws:s3:::finops-cape", "af-south-1"),
                ("arn:aws:s3:::finops-empty-tags", "eu-west-1"),
            ],
            buckets.Select(b => (b.Arn, b.Region)));
        Assert.Equal(3, aws.Fake.Of("s3", "ListBuckets").Count);
        Assert.Equal(aws.Fake.Tokens.Issued.ToList(), aws.Fake.Tokens.Received.ToList());
    }

    [Fact]
    public async Task Bucket_tags_are_read_in_the_buckets_own_region()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var buckets = await aws.Inventory.ListGlobalAsync(Bucket, CancellationToken.None).AllAsync();

        // The fake refuses a GetBucketTagging signed for another region than the bucket's.
        Assert.Equal(["af-south-1", "eu-west-1", "eu-west-1", "us-east-1", "us-west-2"],
            aws.Fake.Of("s3", "GetBucketTagging").Select(r => r.Region).Order());
        Assert.Equal([new Tag("Environment", "production"), new Tag("Owner", "ops@example.com")], buckets[0].Tags.ToArray());
        Assert.Equal("Oregon archive", buckets[2].Name);
        Assert.Equal("finops-logs", buckets[0].Name);
    }

    [Fact]
    public async Task NoSuchTagSet_means_a_bucket_without_tags()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var buckets = await aws.Inventory.ListGlobalAsync(Bucket, CancellationToken.None).AllAsync();

        Assert.Empty(buckets.Single(b => b.Name == "finops-eu-data").Tags);
        Assert.Empty(buckets.Single(b => b.Name == "finops-empty-tags").Tags);
    }

    [Fact]
    public async Task A_bucket_whose_region_is_not_reported_is_located_first()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var buckets = await aws.Inventory.ListGlobalAsync(Bucket, CancellationToken.None).AllAsync();

        Assert.Equal("af-south-1", buckets.Single(b => b.Name == "finops-cape").Region);
        Assert.Single(aws.Fake.Of("s3", "GetBucketLocation"));
    }

    [Fact]
    public async Task A_failing_tag_call_fails_the_listing_instead_of_reporting_no_tags()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For("eu-west-1", "GetBucketTagging").DenyAccess();

        var failure = await Assert.ThrowsAsync<ResourceSourceException>(
            () => aws.Inventory.ListGlobalAsync(Bucket, CancellationToken.None).AllAsync());

        Assert.Equal(SourceFailureKind.AccessDenied, failure.Kind);
        Assert.Equal("s3:GetBucketTagging", failure.MissingPermission);
        Assert.Contains("eu-west-1", failure.Message);
    }
}
