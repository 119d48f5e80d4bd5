using FinOps.Web.Hosting;

namespace FinOps.Tests.Integration.Hosting;

public sealed class SettingValueErrorTests
{
    [Theory]
    [InlineData("five", "FinOps:Scan:MaxConcurrentRegions", "System.Int32", "FinOps:Scan:MaxConcurrentRegions = 'five' is not a whole number.")]
    [InlineData("yes please", "FinOps:Mcp:Stateless", "System.Boolean", "FinOps:Mcp:Stateless = 'yes please' is not true or false.")]
    public void A_value_of_the_wrong_kind_is_named_with_its_setting_and_the_kind_it_takes(string value, string key, string type, string expected)
    {
        var binding = new InvalidOperationException($"Failed to convert configuration value '{value}' at '{key}' to type '{type}'.",
            new FormatException("inner"));

        var message = SettingValueError.Describe(binding);

        Assert.NotNull(message);
        Assert.StartsWith(expected, message);
        Assert.DoesNotContain("inner", message);
    }

    [Fact]
    public void Other_failures_are_not_mistaken_for_a_setting_value()
    {
        Assert.Null(SettingValueError.Describe(new InvalidOperationException("Sequence contains no elements")));
    }
}
