using FinOps.Domain.Costs;

namespace FinOps.Tests.Unit.Costs;

public sealed class BillingPeriodTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData(null, "2026-10-01", "2026-11-01", BillingPeriodKind.Month)]
    [InlineData("", "2026-10-01", "2026-11-01", BillingPeriodKind.Month)]
    [InlineData("last-month", "2026-10-01", "2026-11-01", BillingPeriodKind.Month)]
    [InlineData("month-to-date", "2026-11-01", "2026-11-26", BillingPeriodKind.MonthToDate)]
    [InlineData("2026-09", "2026-09-01", "2026-10-01", BillingPeriodKind.Month)]
    [InlineData("2026-11", "2026-11-01", "2026-12-01", BillingPeriodKind.Month)]
    [InlineData("2026-09-01..2026-09-15", "2026-09-01", "2026-09-15", BillingPeriodKind.Custom)]
    public void Accepted_periods_parse_to_their_range(string? text, string start, string end, BillingPeriodKind kind)
    {
        Assert.True(BillingPeriod.TryParse(text, Today, out var period, out var error), error);
        Assert.Equal(new BillingPeriod(DateOnly.Parse(start), DateOnly.Parse(end), kind), period);
        Assert.True(BillingPeriod.TryParse(period.ToString(), Today, out var again, out _));
        Assert.Equal(period.Start, again.Start);
        Assert.Equal(period.End, again.End);
    }

    [Theory]
    [InlineData("2027-01", "in the future")]
    [InlineData("2026-09-15..2026-09-01", "ends before it starts")]
    [InlineData("2024-01-01..2026-01-01", "longer than 366 days")]
    [InlineData("yesterday", "accepted:")]
    public void Rejected_periods_say_why(string text, string reason)
    {
        Assert.False(BillingPeriod.TryParse(text, Today, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("9999-12")]
    [InlineData("9999-12-30..9999-12-31")]
    [InlineData("9999-11-01..9999-12-31")]
    [InlineData("0001-01")]
    [InlineData("0001-01-01..0001-01-02")]
    [InlineData("1999-12")]
    [InlineData("1999-12-31..2000-01-02")]
    [InlineData("2026-12-01..2027-01-05")]
    [InlineData("2027-01-01..2027-01-05")]
    public void Periods_outside_the_accepted_range_are_refused_naming_the_range(string text)
    {
        Assert.False(BillingPeriod.TryParse(text, Today, out var period, out var error));
        Assert.Null(period);
        Assert.Contains("from 2000-01-01", error, StringComparison.Ordinal);
        Assert.Contains("up to the end of the current month (2026-11-30)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2000-01", "2000-01-01", "2000-02-01")]
    [InlineData("2000-01-01..2000-01-02", "2000-01-01", "2000-01-02")]
    [InlineData("2026-11-20..2026-12-01", "2026-11-20", "2026-12-01")]
    public void Periods_at_the_edges_of_the_accepted_range_parse(string text, string start, string end)
    {
        Assert.True(BillingPeriod.TryParse(text, Today, out var period, out var error), error);
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (period.Start, period.End));
    }

    [Fact]
    public void Parsing_never_throws_for_any_date_text_on_any_day()
    {
        foreach (var today in new[] { new DateOnly(2000, 2, 15), new DateOnly(2026, 11, 26), new DateOnly(9999, 12, 30), DateOnly.MaxValue })
        {
            foreach (var text in new[] { "9999-12", "0001-01", "9999-12-31..9999-12-31", "0001-01-01..9999-12-31", "month-to-date", "last-month" })
            {
                _ = BillingPeriod.TryParse(text, today, out _, out _);
            }
        }
    }

    [Fact]
    public void Month_to_date_on_the_first_of_the_month_is_the_whole_previous_month()
    {
        Assert.Equal(BillingPeriod.Month(2026, 10), BillingPeriod.MonthToDate(new DateOnly(2026, 11, 1)));
    }

    [Theory]
    [InlineData(null, CostMetric.Unblended)]
    [InlineData("unblended", CostMetric.Unblended)]
    [InlineData("AmortizedCost", CostMetric.Amortized)]
    [InlineData("amortized", CostMetric.Amortized)]
    public void Metrics_parse_from_wire_and_cost_explorer_names(string? text, CostMetric expected)
    {
        Assert.True(CostWireNames.TryParseMetric(text, out var metric));
        Assert.Equal(expected, metric);
        Assert.False(CostWireNames.TryParseMetric("blended", out _));
    }

    [Theory]
    [InlineData("region", GapGrouping.Region)]
    [InlineData("resource_type", GapGrouping.ResourceType)]
    [InlineData("service", GapGrouping.Service)]
    public void Groupings_parse_from_their_wire_names(string text, GapGrouping expected)
    {
        Assert.True(CostWireNames.TryParseGrouping(text, out var grouping));
        Assert.Equal(expected, grouping);
        Assert.Equal(text, grouping.ToWire());
        Assert.False(CostWireNames.TryParseGrouping("account", out _));
    }
}
