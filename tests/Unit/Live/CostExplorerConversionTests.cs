using FinOps.Aws.Live;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Live;

public sealed class CostExplorerConversionTests
{
    [Theory]
    [InlineData("12.34", 1234)]
    [InlineData("0.005", 1)]
    [InlineData("0.0049999999", 0)]
    [InlineData("-0.005", -1)]
    [InlineData("120.5050000000", 12051)]
    [InlineData("0", 0)]
    public void Dollar_amounts_become_cents_rounded_half_away_from_zero(string amount, long cents)
    {
        Assert.Equal(cents, CostExplorerCostSource.ToCents(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Property(MaxTest = 200)]
    public Property Cent_exact_amounts_convert_without_loss()
    {
        return Prop.ForAll(Gen.Choose(-5_000_000, 5_000_000).ToArbitrary(), cents =>
            CostExplorerCostSource.ToCents(cents / 100m) == cents);
    }

    [Theory]
    [InlineData("NoRegion", "global")]
    [InlineData("", "global")]
    [InlineData(null, "global")]
    [InlineData("global", "global")]
    [InlineData("eu-west-1", "eu-west-1")]
    public void Spend_without_a_region_is_global(string? region, string expected)
    {
        Assert.Equal(expected, CostExplorerCostSource.RegionOf(region));
    }
}
