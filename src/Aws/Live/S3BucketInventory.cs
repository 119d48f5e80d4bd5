using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Live;

/// <summary>
/// S3 buckets: ListBuckets (every page; each bucket with its home region), then GetBucketTagging per bucket in the
/// bucket's own region. <c>NoSuchTagSet</c> means no tags; any other tagging failure fails the listing, because
/// "could not read the tags" must never look like "has no tags".
/// </summary>
internal sealed class S3BucketInventory(RegionalClientFactory clients, AwsOptions options)
{
    public async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var home = clients.DefaultRegion;
        var pages = clients.S3(home).Paginators.ListBuckets(new ListBucketsRequest { MaxBuckets = 1000 }).Responses;
        await foreach (var page in AwsErrorMapping.PagesAsync(AwsCalls.ListBuckets, home, pages, cancellationToken).ConfigureAwait(false))
        {
            yield return await PerResourceLookup.RunAsync(page.Buckets ?? [], options.TagCallConcurrency,
                (bucket, ct) => DescribeAsync(bucket, type, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CloudResource?> DescribeAsync(S3Bucket bucket, ResourceTypeInfo type, CancellationToken cancellationToken)
    {
        var region = string.IsNullOrEmpty(bucket.BucketRegion)
            ? await LocateAsync(bucket.BucketName, cancellationToken).ConfigureAwait(false)
            : bucket.BucketRegion;
        var tagSet = await AwsErrorMapping.RunAsync(AwsCalls.GetBucketTagging, region, async ct =>
        {
            try
            {
                var response = await clients.S3(region).GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = bucket.BucketName }, ct)
                    .ConfigureAwait(false);
                return response.TagSet;
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchTagSet")
            {
                return null;
            }
        }, cancellationToken).ConfigureAwait(false);

        var tags = ResourceTags.From(tagSet, t => t.Key, t => t.Value);
        var arn = string.IsNullOrEmpty(bucket.BucketArn) ? $"arn:{AwsPartition.Of(region)}:s3:::{bucket.BucketName}" : bucket.BucketArn;
        return new CloudResource(arn, type.Name, region, tags, ResourceTags.NameOf(tags, bucket.BucketName),
            ResourceTags.Timestamp(bucket.CreationDate));
    }

    /// <summary>Older endpoints leave BucketRegion out; GetBucketLocation answers "" for us-east-1 and "EU" for eu-west-1.</summary>
    private async Task<string> LocateAsync(string bucketName, CancellationToken cancellationToken)
    {
        var home = clients.DefaultRegion;
        var response = await AwsErrorMapping.RunAsync(AwsCalls.GetBucketLocation, home,
            ct => clients.S3(home).GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucketName }, ct),
            cancellationToken).ConfigureAwait(false);
        return response.Location?.Value switch
        {
            null or "" => "us-east-1",
            "EU" => "eu-west-1",
            var region => region,
        };
    }
}
