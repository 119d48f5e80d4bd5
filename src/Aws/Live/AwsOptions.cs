using System.ComponentModel.DataAnnotations;

namespace FinOps.Aws.Live;

/// <summary>
/// Settings of the live AWS adapters (section <c>FinOps:Aws</c>): which credentials, which default region, how
/// patient each call is, and per-service endpoint overrides (for VPC endpoints, proxies or a local fake).
/// </summary>
public sealed class AwsOptions
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "FinOps:Aws";

    /// <summary>A shared-config profile (~/.aws/config, ~/.aws/credentials, SSO); empty = the default credential chain.</summary>
    public string? Profile { get; set; }

    /// <summary>The region of account-wide calls (DescribeRegions, ListBuckets, STS).</summary>
    [Required]
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// Endpoint overrides by service key (<c>ec2</c>, <c>s3</c>, <c>tagging</c>, <c>ce</c>, <c>sts</c>,
    /// <c>dynamodb</c>, <c>kms</c>): an absolute http(s) URL used for every region of that service; requests are
    /// still signed for the region they are about.
    /// </summary>
    public Dictionary<string, string> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one HTTP attempt may take before it counts as a (transient) timeout.</summary>
    [Range(0.05, 600)]
    public double RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>How long opening a connection may take.</summary>
    [Range(0.05, 120)]
    public double ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>Retries of one call after throttling, 5xx or a timeout (the SDK's standard retry mode).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay of the signed JSON client's retries; doubles per attempt, with full jitter.</summary>
    [Range(1, 60_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 100;

    /// <summary>Address S3 buckets in the path (<c>host/bucket</c>) rather than the host name; needed by most fakes.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Per-resource tag calls (S3 buckets, DynamoDB tables, KMS keys) made at once per listing page.</summary>
    [Range(1, 64)]
    public int TagCallConcurrency { get; set; } = 8;

    /// <summary>One HTTP attempt's timeout.</summary>
    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    /// <summary>The connect timeout.</summary>
    public TimeSpan ConnectTimeout => TimeSpan.FromSeconds(ConnectTimeoutSeconds);

    /// <summary>The endpoint override of a service, or null for AWS's own endpoint.</summary>
    public Uri? EndpointFor(string serviceKey) =>
        Endpoints.TryGetValue(serviceKey, out var url) && !string.IsNullOrWhiteSpace(url) ? new Uri(url, UriKind.Absolute) : null;
}
