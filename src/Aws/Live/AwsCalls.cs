using System.Collections.Frozen;
using System.Collections.Immutable;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Live;

/// <summary>
/// The single list of AWS calls the product makes, per purpose and per resource type. The adapters name their
/// calls from here, and <c>docs/iam-policy.json</c> is generated from (and tested against) <see cref="All"/>.
/// </summary>
public static class AwsCalls
{
    public static AwsCall DescribeRegions { get; } = Ec2("DescribeRegions");
    public static AwsCall DescribeInstances { get; } = Ec2("DescribeInstances");
    public static AwsCall DescribeVolumes { get; } = Ec2("DescribeVolumes");
    public static AwsCall DescribeSnapshots { get; } = Ec2("DescribeSnapshots");
    public static AwsCall DescribeAddresses { get; } = Ec2("DescribeAddresses");
    public static AwsCall DescribeNatGateways { get; } = Ec2("DescribeNatGateways");
    public static AwsCall DescribeVpcs { get; } = Ec2("DescribeVpcs");
    public static AwsCall DescribeSubnets { get; } = Ec2("DescribeSubnets");
    public static AwsCall DescribeSecurityGroups { get; } = Ec2("DescribeSecurityGroups");

    /// <summary>S3 ListBuckets is authorised by <c>s3:ListAllMyBuckets</c>.</summary>
    public static AwsCall ListBuckets { get; } = new(AwsServiceKeys.S3, "ListBuckets", "s3:ListAllMyBuckets");
    public static AwsCall GetBucketTagging { get; } = new(AwsServiceKeys.S3, "GetBucketTagging", "s3:GetBucketTagging");

    /// <summary>Only when ListBuckets does not report a bucket's region.</summary>
    public static AwsCall GetBucketLocation { get; } = new(AwsServiceKeys.S3, "GetBucketLocation", "s3:GetBucketLocation");

    public static AwsCall ListTables { get; } = new(AwsServiceKeys.DynamoDb, "ListTables", "dynamodb:ListTables");
    public static AwsCall DescribeTable { get; } = new(AwsServiceKeys.DynamoDb, "DescribeTable", "dynamodb:DescribeTable");
    public static AwsCall ListTagsOfResource { get; } = new(AwsServiceKeys.DynamoDb, "ListTagsOfResource", "dynamodb:ListTagsOfResource");

    public static AwsCall ListKeys { get; } = new(AwsServiceKeys.Kms, "ListKeys", "kms:ListKeys");
    public static AwsCall ListAliases { get; } = new(AwsServiceKeys.Kms, "ListAliases", "kms:ListAliases");
    public static AwsCall DescribeKey { get; } = new(AwsServiceKeys.Kms, "DescribeKey", "kms:DescribeKey");
    public static AwsCall ListResourceTags { get; } = new(AwsServiceKeys.Kms, "ListResourceTags", "kms:ListResourceTags");

    /// <summary>Resource Groups Tagging API; authorised by <c>tag:GetResources</c>.</summary>
    public static AwsCall GetResources { get; } = new(AwsServiceKeys.Tagging, "GetResources", "tag:GetResources");

    public static AwsCall GetCostAndUsage { get; } = new(AwsServiceKeys.CostExplorer, "GetCostAndUsage", "ce:GetCostAndUsage");

    /// <summary>Which identity the scans run as (IAM cannot deny it, but it is listed because it is made).</summary>
    public static AwsCall GetCallerIdentity { get; } = new(AwsServiceKeys.Sts, "GetCallerIdentity", "sts:GetCallerIdentity");

    private static readonly FrozenDictionary<string, AwsCall> Ec2ByType = new Dictionary<string, AwsCall>
    {
        ["ec2:instance"] = DescribeInstances,
        ["ec2:volume"] = DescribeVolumes,
        ["ec2:snapshot"] = DescribeSnapshots,
        ["ec2:elastic-ip"] = DescribeAddresses,
        ["ec2:natgateway"] = DescribeNatGateways,
        ["ec2:vpc"] = DescribeVpcs,
        ["ec2:subnet"] = DescribeSubnets,
        ["ec2:security-group"] = DescribeSecurityGroups,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Calls of region discovery.</summary>
    public static ImmutableArray<AwsCall> RegionDiscovery { get; } = [DescribeRegions];

    /// <summary>Calls of the start-up identity check and of ARN building (account id).</summary>
    public static ImmutableArray<AwsCall> Identity { get; } = [GetCallerIdentity];

    /// <summary>Calls of a cost refresh.</summary>
    public static ImmutableArray<AwsCall> Costs { get; } = [GetCostAndUsage];

    /// <summary>Every call the product makes, each once, in a stable order (by IAM action).</summary>
    public static ImmutableArray<AwsCall> All { get; } =
    [
        .. RegionDiscovery
            .Concat(Identity)
            .Concat(Costs)
            .Concat(ResourceCatalogue.All.SelectMany(t => ForType(t)))
            .Distinct()
            .OrderBy(c => c.IamAction, StringComparer.Ordinal),
    ];

    /// <summary>The calls that list one resource type.</summary>
    public static ImmutableArray<AwsCall> ForType(ResourceTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Inventory switch
        {
            InventoryMethod.Ec2 => Ec2ByType.TryGetValue(type.Name, out var call)
                ? [call]
                : throw new ArgumentException($"No EC2 listing is known for '{type.Name}'.", nameof(type)),
            InventoryMethod.S3 => [ListBuckets, GetBucketLocation, GetBucketTagging],
            InventoryMethod.DynamoDb => [ListTables, DescribeTable, ListTagsOfResource],
            InventoryMethod.Kms => [ListKeys, ListAliases, DescribeKey, ListResourceTags],
            _ => [GetResources],
        };
    }

    private static AwsCall Ec2(string operation) => new(AwsServiceKeys.Ec2, operation, "ec2:" + operation);
}
