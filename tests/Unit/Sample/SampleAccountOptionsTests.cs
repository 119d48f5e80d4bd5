using System.ComponentModel.DataAnnotations;
using FinOps.Aws;
using FinOps.Aws.Sample;
using FinOps.Domain.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Unit.Sample;

public class SampleAccountOptionsTests
{
    private static List<string> Errors(SampleAccountOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    [Fact]
    public void Defaults_are_valid_with_a_small_latency_and_no_faults()
    {
        var options = new SampleAccountOptions();

        Assert.Empty(Errors(options));
        Assert.Equal(42, options.Seed);
        Assert.Equal(6_000, options.Size);
        Assert.Equal(100, options.PageSize);
        Assert.InRange(options.LatencyMilliseconds, 1, 100);
        Assert.Equal(0, options.ThrottleBursts);
        Assert.Empty(options.FailingRegions);
        Assert.Empty(options.AccessDeniedRegions);
        Assert.Empty(options.SlowRegions);
        Assert.False(options.TaggedOnlyCoverage);
    }

    [Theory]
    [InlineData(nameof(SampleAccountOptions.Size), -1)]
    [InlineData(nameof(SampleAccountOptions.Size), 2_000_001)]
    [InlineData(nameof(SampleAccountOptions.PageSize), 0)]
    [InlineData(nameof(SampleAccountOptions.LatencyMilliseconds), -5)]
    [InlineData(nameof(SampleAccountOptions.LatencyJitterMilliseconds), -1)]
    [InlineData(nameof(SampleAccountOptions.SlowRegionLatencyMilliseconds), -1)]
    [InlineData(nameof(SampleAccountOptions.ThrottleBursts), 101)]
    [InlineData(nameof(SampleAccountOptions.Seed), -1)]
    public void Out_of_range_setting_is_rejected_with_a_message_naming_it(string setting, int value)
    {
        var options = new SampleAccountOptions();
        typeof(SampleAccountOptions).GetProperty(setting)!.SetValue(options, value);

        var error = Assert.Single(Errors(options));

        Assert.StartsWith($"FinOps:Sample:{setting} must be between", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_region_in_a_fault_setting_is_rejected_naming_the_setting_and_the_region()
    {
        var options = new SampleAccountOptions { FailingRegions = ["eu-west-3", "mars-north-1"], SlowRegions = ["global"] };

        var error = Assert.Single(Errors(options));

        Assert.Contains("FinOps:Sample:FailingRegions", error, StringComparison.Ordinal);
        Assert.Contains("'mars-north-1'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_refuses_invalid_options()
    {
        var error = Assert.Throws<ValidationException>(() => new SampleAccount(new SampleAccountOptions { PageSize = 0 }, TimeProvider.System));

        Assert.Contains("FinOps:Sample:PageSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSampleAccount_binds_FinOps_Sample_and_serves_every_port_from_one_account()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FinOps:Sample:Seed"] = "7",
            ["FinOps:Sample:Size"] = "300",
            ["FinOps:Sample:LatencyMilliseconds"] = "0",
            ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
            ["FinOps:Sample:FailingRegions:0"] = "eu-west-3",
        }).Build();
        await using var services = new ServiceCollection().AddSampleAccount(configuration).BuildServiceProvider();

        var account = services.GetRequiredService<SampleAccount>();
        var identity = await services.GetRequiredService<IAccountIdentity>().DescribeAsync(CancellationToken.None);

        Assert.Equal(7, account.Seed);
        Assert.Equal(300, account.Size);
        Assert.Equal(["eu-west-3"], services.GetRequiredService<IOptions<SampleAccountOptions>>().Value.FailingRegions);
        Assert.Equal("sample", identity.SourceKind);
        Assert.Equal("Sample account", identity.DisplayName);
        Assert.IsType<SampleRegionCatalogue>(services.GetRequiredService<IRegionCatalogue>());
        Assert.Same(services.GetRequiredService<IRegionalResourceSource>(), services.GetRequiredService<IGlobalResourceSource>());
        Assert.IsType<SampleCostSource>(services.GetRequiredService<ICostSource>());
    }

    [Fact]
    public void AddSampleAccount_rejects_invalid_settings_naming_them()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FinOps:Sample:Size"] = "-3",
        }).Build();
        using var services = new ServiceCollection().AddSampleAccount(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SampleAccountOptions>>().Value);

        Assert.Contains("FinOps:Sample:Size", error.Message, StringComparison.Ordinal);
    }
}
