namespace FinOps.Domain.Resources;

/// <summary>How the live scanner lists a resource type on AWS.</summary>
public enum InventoryMethod
{
    /// <summary>EC2 Describe* APIs (AWSSDK.EC2); returns never-tagged resources too.</summary>
    Ec2,
    /// <summary>S3 ListBuckets + GetBucketTagging (AWSSDK.S3).</summary>
    S3,
    /// <summary>DynamoDB ListTables + ListTagsOfResource.</summary>
    DynamoDb,
    /// <summary>KMS ListKeys + ListResourceTags (customer-managed keys only).</summary>
    Kms,
    /// <summary>Resource Groups Tagging API GetResources; only resources that have or had a tag.</summary>
    TaggingApi,
}
