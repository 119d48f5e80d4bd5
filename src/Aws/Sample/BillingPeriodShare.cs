using FinOps.Domain.Costs;

namespace FinOps.Aws.Sample;

/// <summary>
/// How much of a monthly cost falls into a billing period: for each calendar month the period touches, the days it
/// covers over the month's days. A whole month is exactly the monthly cost; each month's share is rounded down to the
/// cent per resource, so cost lines (sums of resources) stay exact.
/// </summary>
internal sealed class BillingPeriodShare
{
    private readonly (int Days, int MonthDays)[] _months;

    public BillingPeriodShare(BillingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var months = new List<(int, int)>();
        var cursor = period.Start;
        while (cursor < period.End)
        {
            var monthStart = new DateOnly(cursor.Year, cursor.Month, 1);
            var nextMonth = monthStart.AddMonths(1);
            var end = nextMonth < period.End ? nextMonth : period.End;
            months.Add((end.DayNumber - cursor.DayNumber, nextMonth.DayNumber - monthStart.DayNumber));
            cursor = end;
        }

        _months = [.. months];
        WholeMonths = _months.All(m => m.Days == m.MonthDays) ? _months.Length : -1;
    }

    /// <summary>The number of whole calendar months when the period is made only of them, else -1.</summary>
    public int WholeMonths { get; }

    /// <summary>The period's share of a monthly amount, in cents.</summary>
    public long Of(long monthlyCents)
    {
        if (WholeMonths >= 0)
        {
            return monthlyCents * WholeMonths;
        }

        long total = 0;
        foreach (var (days, monthDays) in _months)
        {
            total += monthlyCents * days / monthDays;
        }

        return total;
    }
}
