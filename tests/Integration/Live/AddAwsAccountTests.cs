using FinOps.Aws.Live;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Tests.Integration.AwsFake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Integration.Live;

public sealed class AddAwsAccountTests
{
    [Fact]
    public async Task Settings_alone_point_every_port_at_the_fake()
    {
        AwsTestEnvironment.Configure();
        await using var fake = await AwsWireFake.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["FinOps:Aws:Region"] = "us-east-1",
            ["FinOps:Aws:ForcePathStyle"] = "true",
            ["FinOps:Aws:RequestTimeoutSeconds"] = "5",
        };
        foreach (var key in AwsServiceKeys.All)
        {
            settings[$"FinOps:Aws:Endpoints:{key}"] = fake.BaseAddress.ToString();
        }

        var services = new ServiceCollection().AddLogging().AddAwsAccount(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using var provider = services.BuildServiceProvider();

        var regions = await provider.GetRequiredService<IRegionCatalogue>().ListRegionsAsync(CancellationToken.None);
        var account = await provider.GetRequiredService<IAccountIdentity>().DescribeAsync(CancellationToken.None);
        var buckets = await provider.GetRequiredService<IGlobalResourceSource>().ListGlobalAsync(ResourceCatalogue.Get("s3:bucket"), CancellationToken.None).AllAsync();
        var tables = await provider.GetRequiredService<IRegionalResourceSource>().ListAsync("us-east-1", ResourceCatalogue.Get("dynamodb:table"), CancellationToken.None).AllAsync();

        Assert.Equal(6, regions.Count);
        Assert.Equal("123456789012", account.AccountId);
        Assert.Equal(5, buckets.Count);
        Assert.Equal(3, tables.Count);
        Assert.NotNull(provider.GetRequiredService<ICostSource>());
        Assert.Same(provider.GetRequiredService<IRegionalResourceSource>(), provider.GetRequiredService<IGlobalResourceSource>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is AwsStartupCheck);
    }

    [Fact]
    public void Invalid_settings_stop_start_up_with_a_message_naming_the_setting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["FinOps:Aws:Region"] = "Ireland",
            ["FinOps:Aws:Endpoints:ec2"] = "not a url",
            ["FinOps:Aws:MaxRetries"] = "99",
        };
        var services = new ServiceCollection().AddLogging().AddAwsAccount(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AwsOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("FinOps:Aws:Region 'Ireland'"));
        Assert.Contains(error.Failures, f => f.Contains("FinOps:Aws:Endpoints:ec2"));
        Assert.Contains(error.Failures, f => f.Contains("MaxRetries"));
    }
}
