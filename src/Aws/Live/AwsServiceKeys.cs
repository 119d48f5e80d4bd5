using System.Collections.Immutable;

namespace FinOps.Aws.Live;

/// <summary>The services the live adapters call, by the key used for endpoint overrides and SigV4 signing.</summary>
public static class AwsServiceKeys
{
    public const string Ec2 = "ec2";
    public const string S3 = "s3";
    public const string Tagging = "tagging";
    public const string CostExplorer = "ce";
    public const string Sts = "sts";
    public const string DynamoDb = "dynamodb";
    public const string Kms = "kms";

    /// <summary>Every key accepted under <c>FinOps:Aws:Endpoints</c>.</summary>
    public static ImmutableArray<string> All { get; } = [Ec2, S3, Tagging, CostExplorer, Sts, DynamoDb, Kms];
}
