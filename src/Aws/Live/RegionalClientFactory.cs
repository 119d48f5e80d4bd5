using System.Collections.Concurrent;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.EC2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Microsoft.Extensions.Options;

namespace FinOps.Aws.Live;

/// <summary>
/// One client per (service, region), created on first use and reused for the application's lifetime, every one
/// with the same configuration: standard retry mode, the configured retry count and timeouts, the shared
/// credentials, the service's endpoint override (with the region kept as the signing region), and connections of its
/// own from the <see cref="AwsHttpTransport"/>.
/// </summary>
public sealed class RegionalClientFactory : IDisposable
{
    /// <summary>Cost Explorer has one endpoint, in us-east-1.</summary>
    public const string CostExplorerRegion = "us-east-1";

    private readonly ConcurrentDictionary<(string Service, string Region), Lazy<IDisposable>> _clients = new();
    private readonly AwsOptions _options;
    private readonly AWSCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly AwsHttpTransport _transport;
    private volatile bool _disposed;

    public RegionalClientFactory(IOptions<AwsOptions> options, AccountCredentials credentials, TimeProvider time, AwsHttpTransport transport)
        : this(options?.Value!, (AWSCredentials)credentials, time, transport)
    {
    }

    /// <summary>A factory over any credentials (tests, embedding); by default over real connections.</summary>
    public RegionalClientFactory(AwsOptions options, AWSCredentials credentials, TimeProvider time, AwsHttpTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        _options = options;
        _credentials = credentials;
        _time = time ?? TimeProvider.System;
        _transport = transport ?? new AwsHttpTransport(options);
    }

    /// <summary>The region of account-wide calls.</summary>
    public string DefaultRegion => _options.Region;

    /// <summary>How many clients exist now.</summary>
    public int Count => _clients.Count;

    public IAmazonEC2 Ec2(string region) =>
        Get(AwsServiceKeys.Ec2, region, r => new AmazonEC2Client(_credentials, Configure(new AmazonEC2Config(), AwsServiceKeys.Ec2, r)));

    public IAmazonS3 S3(string region) =>
        Get(AwsServiceKeys.S3, region, r =>
        {
            var config = Configure(new AmazonS3Config(), AwsServiceKeys.S3, r);
            config.ForcePathStyle = _options.ForcePathStyle;
            return new AmazonS3Client(_credentials, config);
        });

    public IAmazonDynamoDB DynamoDb(string region) =>
        Get(AwsServiceKeys.DynamoDb, region, r => new AmazonDynamoDBClient(_credentials, Configure(new AmazonDynamoDBConfig(), AwsServiceKeys.DynamoDb, r)));

    public IAmazonKeyManagementService Kms(string region) =>
        Get(AwsServiceKeys.Kms, region, r => new AmazonKeyManagementServiceClient(_credentials, Configure(new AmazonKeyManagementServiceConfig(), AwsServiceKeys.Kms, r)));

    public IAmazonSecurityTokenService Sts(string region) =>
        Get(AwsServiceKeys.Sts, region, r => new AmazonSecurityTokenServiceClient(_credentials, Configure(new AmazonSecurityTokenServiceConfig(), AwsServiceKeys.Sts, r)));

    /// <summary>The Resource Groups Tagging API of a region.</summary>
    public SignedJsonClient Tagging(string region) =>
        Get(AwsServiceKeys.Tagging, region, r => new SignedJsonClient(_credentials, AwsServiceKeys.Tagging, r,
            _options.EndpointFor(AwsServiceKeys.Tagging) ?? DefaultEndpoint("tagging", r), _options, _time,
            _transport.CreateHandler(AwsServiceKeys.Tagging, r, allowAutoRedirect: false)));

    /// <summary>Cost Explorer (one endpoint, us-east-1).</summary>
    public SignedJsonClient CostExplorer() =>
        Get(AwsServiceKeys.CostExplorer, CostExplorerRegion, r => new SignedJsonClient(_credentials, AwsServiceKeys.CostExplorer, r,
            _options.EndpointFor(AwsServiceKeys.CostExplorer) ?? DefaultEndpoint("ce", r), _options, _time,
            _transport.CreateHandler(AwsServiceKeys.CostExplorer, r, allowAutoRedirect: false)));

    public void Dispose()
    {
        _disposed = true;
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }

        _clients.Clear();
    }

    /// <summary>Applies the configuration every client shares.</summary>
    internal TConfig Configure<TConfig>(TConfig config, string service, string region)
        where TConfig : ClientConfig
    {
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = _options.MaxRetries;
        config.Timeout = _options.RequestTimeout;
        config.ConnectTimeout = _options.ConnectTimeout;
        config.HttpClientFactory = new SdkClientHttpClientFactory(_transport, service, region);
        var endpoint = _options.EndpointFor(service);
        if (endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
        }

        return config;
    }

    private T Get<T>(string service, string region, Func<string, T> create)
        where T : class, IDisposable
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        // Lazy (ExecutionAndPublication): two threads asking at once still create one client.
        var lazy = _clients.GetOrAdd((service, region), key => new Lazy<IDisposable>(() => create(key.Region)));
        return (T)lazy.Value;
    }

    private static Uri DefaultEndpoint(string host, string region)
    {
        var suffix = RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix ?? "amazonaws.com";
        return new Uri($"https://{host}.{region}.{suffix}/");
    }
}
