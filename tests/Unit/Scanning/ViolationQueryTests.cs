using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Reports;

namespace FinOps.Tests.Unit.Scanning;

public sealed class ViolationQueryTests
{
    private static readonly ComplianceResult Result = ReportFixture.Result;

    [Fact]
    public void Default_order_is_cost_at_stake_descending_over_every_violation()
    {
        var page = ViolationQuery.Page(Result, ViolationFilter.None, ViolationSort.CostAtStake, descending: true, 0, 1000);

        Assert.Equal(Result.Summary.Violations, page.TotalCount);
        Assert.Equal(page.Items.Select(v => v.CostAtStakeCents).OrderDescending(), page.Items.Select(v => v.CostAtStakeCents));
        Assert.Null(page.NextOffset);
    }

    [Fact]
    public void Pages_of_any_size_concatenate_to_the_whole_list()
    {
        var all = ViolationQuery.Page(Result, ViolationFilter.None, ViolationSort.Arn, descending: false, 0, 1000).Items;

        for (var size = 1; size <= 4; size++)
        {
            var collected = new List<Violation>();
            int? offset = 0;
            while (offset is { } at)
            {
                var page = ViolationQuery.Page(Result, ViolationFilter.None, ViolationSort.Arn, descending: false, at, size);
                collected.AddRange(page.Items);
                offset = page.NextOffset;
            }

            Assert.Equal(all, collected);
        }
    }

    [Fact]
    public void Filters_narrow_the_list_and_the_total_counts_only_matches()
    {
        var filter = new ViolationFilter(Kinds: [ViolationKind.MissingRequiredTag], Severity: Severity.Error);

        var page = ViolationQuery.Page(Result, filter, ViolationSort.CostAtStake, descending: true, 0, 2);

        var expected = Result.ViolationsByCost.Count(v => v.Kind == ViolationKind.MissingRequiredTag && v.Severity == Severity.Error);
        Assert.Equal(expected, page.TotalCount);
        Assert.True(expected > 2, "the fixture has enough missing tags to need a second page");
        Assert.All(page.Items, v => Assert.Equal(ViolationKind.MissingRequiredTag, v.Kind));
        Assert.Equal(2, page.NextOffset);
    }

    [Fact]
    public void Free_text_matches_arn_or_resource_name_ignoring_case()
    {
        var byName = ViolationQuery.Page(Result, new ViolationFilter(Text: "ORDERS-DB"), ViolationSort.CostAtStake, true, 0, 100);

        Assert.NotEmpty(byName.Items);
        Assert.All(byName.Items, v => Assert.Equal("orders-db", v.ResourceName));
    }

    [Fact]
    public void Sorting_by_another_field_keeps_the_cost_ranking_among_equal_keys()
    {
        var page = ViolationQuery.Page(Result, ViolationFilter.None, ViolationSort.TagKey, descending: false, 0, 1000);

        foreach (var group in page.Items.GroupBy(v => v.TagKey))
        {
            Assert.Equal(group.Select(v => v.CostAtStakeCents).OrderDescending(), group.Select(v => v.CostAtStakeCents));
        }

        Assert.Equal(page.Items.Select(v => v.TagKey).Order(StringComparer.Ordinal), page.Items.Select(v => v.TagKey));
    }
}
