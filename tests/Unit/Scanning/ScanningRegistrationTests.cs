using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Unit.Scanning;

public sealed class ScanningRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var inventory = new FakeInventory();
        inventory.Add(TestResources.Regional("ec2:instance", "eu-west-1", 1));
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<IRegionCatalogue>(FakeRegionCatalogue.Enabled("eu-west-1", "us-east-1"))
            .AddSingleton<IRegionalResourceSource>(inventory)
            .AddSingleton<IGlobalResourceSource>(inventory)
            .AddSingleton<ICostSource>(new FakeCostSource())
            .AddSingleton<IAccountIdentity>(new FakeAccountIdentity())
            .AddSingleton<IPolicyStore>(new InMemoryPolicyStore(ScanHarness.PolicyJson))
            .AddFinOpsScanning(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task Settings_are_bound_from_FinOps_Scan_and_the_services_resolve_and_scan()
    {
        using var provider = Build(new()
        {
            ["FinOps:Scan:MaxConcurrentRegions"] = "7",
            ["FinOps:Scan:AllowedRegions:0"] = "eu-west-1",
            ["FinOps:Scan:DefaultRegion"] = "eu-west-1",
        });
        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<ScanOptions>>().Value;
        var result = await provider.GetRequiredService<ComplianceService>().GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.Equal(7, options.MaxConcurrentRegions);
        Assert.Equal(["eu-west-1"], options.AllowedRegions);
        Assert.Equal<string>(["eu-west-1"], result.RegionMetadata.SuccessfulRegions);
        Assert.Equal(1, result.Summary.TotalResources);
    }

    [Theory]
    [InlineData("MaxConcurrentRegions", "0")]
    [InlineData("MaxConcurrentRegions", "51")]
    [InlineData("RegionScanTimeoutSeconds", "2")]
    [InlineData("MaxRetries", "11")]
    [InlineData("DefaultRegion", "Frankfurt")]
    [InlineData("AllowedRegions:0", "not a region")]
    public void Invalid_settings_stop_start_up_with_a_message_naming_the_setting(string setting, string value)
    {
        using var provider = Build(new() { [$"FinOps:Scan:{setting}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("FinOps:Scan:" + setting.Split(':')[0], error.Message);
    }

    [Fact]
    public void An_allow_list_without_the_default_region_stops_start_up_naming_both_settings()
    {
        using var provider = Build(new() { ["FinOps:Scan:AllowedRegions:0"] = "eu-west-1" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("FinOps:Scan:DefaultRegion 'us-east-1' is not in FinOps:Scan:AllowedRegions (eu-west-1)", error.Message);
    }
}
