using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Reports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Scanning;

public sealed class TopOffendersProperties
{
    private static readonly ComplianceResult Result = ReportFixture.Result;

    private static readonly Gen<(string[] Regions, int Count)> Views =
        from regions in Gen.SubListOf(Result.Regions.Select(r => r.Region).ToArray())
        from count in Gen.Choose(0, 60)
        select (regions.ToArray(), count);

    [Property(MaxTest = 200)]
    public Property Top_offenders_are_each_resource_with_violations_once_most_spend_at_stake_first_in_any_region_view()
    {
        return Prop.ForAll(Views.ToArbitrary(), view =>
        {
            var result = Result.ForRegions(view.Regions);
            var expected = result.Resources
                .Where(r => !r.Violations.IsEmpty)
                .OrderByDescending(r => r.CostAtStakeCents).ThenBy(r => r.Arn, StringComparer.Ordinal)
                .Take(view.Count)
                .Select(r => r.Arn);
            return result.TopOffenders(view.Count).Select(r => r.Arn).SequenceEqual(expected);
        });
    }

    [Fact]
    public void The_first_offender_is_the_resource_of_the_costliest_violation()
    {
        var first = Assert.Single(Result.TopOffenders(1));

        Assert.Equal(Result.ViolationsByCost[0].Arn, first.Arn);
        Assert.Equal(Result.ViolationsByCost.Where(v => v.Arn == first.Arn).Select(v => v.TagKey).Order(StringComparer.Ordinal),
            first.Violations.Select(v => v.TagKey).Order(StringComparer.Ordinal));
    }
}
