using Amazon;

namespace FinOps.Aws.Live;

/// <summary>The ARN partition of a region (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, …).</summary>
public static class AwsPartition
{
    public static string Of(string region) =>
        RegionEndpoint.GetBySystemName(region).PartitionName is { Length: > 0 } name ? name : "aws";
}
