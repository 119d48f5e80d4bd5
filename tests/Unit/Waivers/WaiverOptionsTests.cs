using FinOps.Domain.Waivers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Unit.Waivers;

public sealed class WaiverOptionsTests
{
    private static IServiceProvider Services(string? maxDays)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(maxDays is null ? [] : [new("FinOps:Waivers:MaxDays", maxDays)])
            .Build();
        return new ServiceCollection().AddFinOpsWaivers(configuration).BuildServiceProvider();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    [InlineData("-5")]
    public void Max_days_outside_1_to_3650_fails_naming_the_setting(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Services(value).GetRequiredService<IOptions<WaiverOptions>>().Value);
        Assert.Contains("FinOps:Waivers:MaxDays must be a whole number of days between 1 and 3650", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_is_180_days_without_self_approval()
    {
        var options = Services(null).GetRequiredService<IOptions<WaiverOptions>>().Value;
        Assert.Equal(180, options.MaxDays);
        Assert.False(options.AllowSelfApproval);
        Assert.Equal(3650, Services("3650").GetRequiredService<IOptions<WaiverOptions>>().Value.MaxDays);
    }
}
