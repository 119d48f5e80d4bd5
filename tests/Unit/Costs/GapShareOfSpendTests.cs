using FinOps.Domain.Costs;

namespace FinOps.Tests.Unit.Costs;

public sealed class GapShareOfSpendTests
{
    [Theory]
    [InlineData(43_908_726, 13_730_660, 31.3)]
    [InlineData(300, 100, 33.3)]
    [InlineData(200, 1, 0.5)]
    [InlineData(1_000, 1_000, 100.0)]
    [InlineData(1_000, 0, 0.0)]
    public void The_gap_is_given_as_a_share_of_the_total_spend_in_percent_to_one_decimal(long totalCents, long gapCents, double expected)
    {
        Assert.Equal(expected, Row(totalCents, gapCents).GapPercentOfTotal);
    }

    [Fact]
    public void With_nothing_billed_there_is_no_share()
    {
        Assert.Null(Row(0, 0).GapPercentOfTotal);
    }

    private static AttributionGapRow Row(long totalCents, long gapCents)
    {
        CostFigure Figure(long cents) => new(cents, FigureProvenance.Billed, "test");
        return new AttributionGapRow("all", "All regions", 10, 10, 5,
            Figure(totalCents), Figure(totalCents - gapCents), Figure(gapCents), Figure(0), Figure(0), Figure(0));
    }
}
