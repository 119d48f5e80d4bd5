using FinOps.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Components.Hosting;

public sealed class TargetScoreSettingTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("100.5")]
    [InlineData("-20")]
    public void A_target_score_outside_1_to_100_stops_start_up_with_a_message_naming_the_setting_and_the_range(string value)
    {
        using var services = Services(value);

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        var message = Assert.Single(refused.Failures);
        Assert.Contains("FinOps:Dashboard:TargetScore must be a percentage from 1 to 100, e.g. 90 (the default) or 92.5.", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 90)]
    [InlineData("92.5", 92.5)]
    [InlineData("100", 100)]
    public void A_target_score_from_1_to_100_is_taken_and_90_is_the_default(string? value, double expected)
    {
        using var services = Services(value);

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(expected, services.GetRequiredService<IOptions<DashboardOptions>>().Value.TargetScore);
    }

    private static ServiceProvider Services(string? targetScore)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        var settings = new Dictionary<string, string?>
        {
            ["FinOps:DataPath"] = Path.Combine(Path.GetTempPath(), "finops-target-" + Guid.NewGuid().ToString("N")[..8]),
        };
        if (targetScore is not null)
        {
            settings["FinOps:Dashboard:TargetScore"] = targetScore;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddFinOpsCore();
        return builder.Services.BuildServiceProvider();
    }
}
