using Amazon.Runtime;
using FinOps.Aws.Live;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Live;

public sealed class RegionalClientFactoryTests
{
    private static readonly string[] Regions =
        ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "af-south-1", "sa-east-1", "ca-central-1"];

    private static readonly Dictionary<string, Func<RegionalClientFactory, string, object>> ClientOf = new()
    {
        [AwsServiceKeys.Ec2] = (f, r) => f.Ec2(r),
        [AwsServiceKeys.S3] = (f, r) => f.S3(r),
        [AwsServiceKeys.DynamoDb] = (f, r) => f.DynamoDb(r),
        [AwsServiceKeys.Kms] = (f, r) => f.Kms(r),
        [AwsServiceKeys.Sts] = (f, r) => f.Sts(r),
        [AwsServiceKeys.Tagging] = (f, r) => f.Tagging(r),
    };

    private static readonly Gen<(string Service, string Region)> Request =
        Gen.Zip(Gen.Elements(ClientOf.Keys.ToArray()), Gen.Elements(Regions));

    [Property(MaxTest = 200)]
    public Property Property_2_client_reuse_the_same_service_and_region_always_yield_the_same_client_instance()
    {
        return Prop.ForAll(Gen.NonEmptyListOf(Request).ToArbitrary(), requests =>
        {
            using var factory = NewFactory(new AwsOptions());
            var served = requests.Select(r => (Key: r, Client: ClientOf[r.Service](factory, r.Region))).ToList();

            var sameKeySameInstance = served.All(a => served.Where(b => b.Key == a.Key).All(b => ReferenceEquals(a.Client, b.Client)));
            var otherKeyOtherInstance = served.All(a => served.Where(b => b.Key != a.Key).All(b => !ReferenceEquals(a.Client, b.Client)));
            return sameKeySameInstance && otherKeyOtherInstance && factory.Count == requests.Distinct().Count();
        });
    }

    [Fact]
    public void Every_client_gets_the_same_retry_and_timeout_configuration()
    {
        var options = new AwsOptions { MaxRetries = 7, RequestTimeoutSeconds = 12.5, ConnectTimeoutSeconds = 3 };
        using var factory = NewFactory(options);

        var configs = Regions.SelectMany(r => new IClientConfig[]
        {
            factory.Ec2(r).Config, factory.S3(r).Config, factory.DynamoDb(r).Config, factory.Kms(r).Config, factory.Sts(r).Config,
        }).ToList();

        Assert.Equal(Regions.Length * 5, configs.Count);
        Assert.All(configs, c =>
        {
            Assert.Equal(RequestRetryMode.Standard, c.RetryMode);
            Assert.Equal(7, c.MaxErrorRetry);
            Assert.Equal(TimeSpan.FromSeconds(12.5), c.Timeout);
            Assert.Equal(TimeSpan.FromSeconds(3), c.ConnectTimeout);
        });
    }

    [Fact]
    public void Without_an_override_a_client_talks_to_its_own_region()
    {
        using var factory = NewFactory(new AwsOptions());

        var config = factory.Ec2("eu-west-1").Config;

        Assert.Equal("eu-west-1", config.RegionEndpoint.SystemName);
        Assert.Null(config.ServiceURL);
    }

    [Fact]
    public void An_endpoint_override_keeps_the_region_as_the_signing_region()
    {
        var options = new AwsOptions { ForcePathStyle = true };
        options.Endpoints["ec2"] = "http://127.0.0.1:4566/";
        options.Endpoints["s3"] = "http://127.0.0.1:4567/";
        using var factory = NewFactory(options);

        var ec2 = factory.Ec2("ap-southeast-2").Config;
        var s3 = (Amazon.S3.AmazonS3Config)factory.S3("af-south-1").Config;
        var kms = factory.Kms("af-south-1").Config;

        Assert.Equal(("http://127.0.0.1:4566/", "ap-southeast-2"), (ec2.ServiceURL, ec2.AuthenticationRegion));
        Assert.Equal(("http://127.0.0.1:4567/", "af-south-1", true), (s3.ServiceURL, s3.AuthenticationRegion, s3.ForcePathStyle));
        Assert.Equal("af-south-1", kms.RegionEndpoint.SystemName);
    }

    [Fact]
    public void Json_clients_sign_for_their_service_and_region()
    {
        var options = new AwsOptions();
        options.Endpoints["tagging"] = "http://127.0.0.1:9000/";
        using var factory = NewFactory(options);

        var tagging = factory.Tagging("eu-west-1");
        var costs = factory.CostExplorer();

        Assert.Equal(("tagging", "eu-west-1", "http://127.0.0.1:9000/"), (tagging.SigningService, tagging.SigningRegion, tagging.Endpoint.ToString()));
        Assert.Equal(("ce", "us-east-1", "https://ce.us-east-1.amazonaws.com/"), (costs.SigningService, costs.SigningRegion, costs.Endpoint.ToString()));
        Assert.Same(costs, factory.CostExplorer());
        Assert.Equal("https://tagging.ap-southeast-2.amazonaws.com/", NewFactory(new AwsOptions()).Tagging("ap-southeast-2").Endpoint.ToString());
    }

    [Fact]
    public async Task Concurrent_first_requests_for_a_region_create_one_client()
    {
        using var factory = NewFactory(new AwsOptions());
        using var start = new Barrier(8);

        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return factory.Ec2("eu-west-1");
        })));

        Assert.All(clients, c => Assert.Same(clients[0], c));
        Assert.Equal(1, factory.Count);
    }

    [Fact]
    public void A_disposed_factory_refuses_new_clients()
    {
        var factory = NewFactory(new AwsOptions());
        factory.Ec2("us-east-1");

        factory.Dispose();

        Assert.Throws<ObjectDisposedException>(() => factory.Ec2("us-east-1"));
        Assert.Equal(0, factory.Count);
    }

    private static RegionalClientFactory NewFactory(AwsOptions options) =>
        new(options, new BasicAWSCredentials("AKIAUNITTEST", "unit-test-secret"), TimeProvider.System);
}
