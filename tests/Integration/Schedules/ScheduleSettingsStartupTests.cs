using FinOps.Domain.Schedules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Integration.Schedules;

/// <summary>A bad schedule in settings stops start-up with one message per setting, naming it and what it accepts.</summary>
public sealed class ScheduleSettingsStartupTests
{
    [Fact]
    public void Bad_schedules_in_settings_fail_options_validation_naming_each_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FinOps:Schedules:nightly:Cron"] = "0 2 * *",
            ["FinOps:Schedules:weekly:Cron"] = "0 6 * * 1",
            ["FinOps:Schedules:weekly:TimeZone"] = "Europe/Londn",
            ["FinOps:Schedules:fine:Cron"] = "@daily",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddFinOpsSchedules(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ScheduleSettings>>().Value);

        Assert.Equal(2, failure.Failures.Count());
        Assert.Contains(failure.Failures, f => f.StartsWith("FinOps:Schedules:nightly:Cron: cron '0 2 * *' has 4 fields; accepted: five fields", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("FinOps:Schedules:weekly:TimeZone: time zone 'Europe/Londn' is not known; accepted: an IANA time zone",
            StringComparison.Ordinal));
    }

    [Fact]
    public void Good_schedules_in_settings_are_read()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FinOps:Schedules:fine:Cron"] = "@daily",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddFinOpsSchedules(configuration).BuildServiceProvider();
        Assert.Equal("fine", Assert.Single(services.GetRequiredService<IOptions<ScheduleSettings>>().Value.Schedules).Name);
    }
}
