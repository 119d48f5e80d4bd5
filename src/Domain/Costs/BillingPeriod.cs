using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FinOps.Domain.Costs;

/// <summary>A range of billing days, start inclusive and end exclusive (Cost Explorer's convention).</summary>
public sealed record BillingPeriod(DateOnly Start, DateOnly End, BillingPeriodKind Kind)
{
    /// <summary>Longest custom range accepted (Cost Explorer's monthly granularity keeps 14 months).</summary>
    public const int MaxDays = 366;

    /// <summary>Number of days in the period.</summary>
    public int Days => End.DayNumber - Start.DayNumber;

    /// <summary>The month before the one containing <paramref name="today"/> (the default period).</summary>
    public static BillingPeriod LastCompleteMonth(DateOnly today)
    {
        var firstOfThisMonth = new DateOnly(today.Year, today.Month, 1);
        return new BillingPeriod(firstOfThisMonth.AddMonths(-1), firstOfThisMonth, BillingPeriodKind.Month);
    }

    /// <summary>The current month from its first day up to today (exclusive); on the 1st, the whole previous month.</summary>
    public static BillingPeriod MonthToDate(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        return today == first ? LastCompleteMonth(today) : new BillingPeriod(first, today, BillingPeriodKind.MonthToDate);
    }

    /// <summary>A calendar month.</summary>
    public static BillingPeriod Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new BillingPeriod(start, start.AddMonths(1), BillingPeriodKind.Month);
    }

    /// <summary>
    /// The first day a period may start on. Cloud billing data older than this does not exist, and a bound keeps every
    /// date a period touches far from <see cref="DateOnly.MaxValue"/> and <see cref="DateOnly.MinValue"/>.
    /// </summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>
    /// The (exclusive) end no period may pass: the first day of the month after <paramref name="today"/> (in December
    /// 9999, whose end no date can express, the first of that month).
    /// </summary>
    public static DateOnly LatestEnd(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        return first.Year == DateOnly.MaxValue.Year && first.Month == 12 ? first : first.AddMonths(1);
    }

    /// <summary>
    /// Parses <c>last-month</c> (or empty), <c>month-to-date</c>, <c>YYYY-MM</c>, or <c>YYYY-MM-DD..YYYY-MM-DD</c>
    /// (end exclusive), within the accepted range: from <see cref="Earliest"/> up to the end of the current month. The
    /// error says what is accepted. Never throws, whatever the text or the day.
    /// </summary>
    public static bool TryParse(string? text, DateOnly today, [NotNullWhen(true)] out BillingPeriod? period,
        [NotNullWhen(false)] out string? error)
    {
        period = null;
        error = null;
        var t = text?.Trim() ?? "";
        var latestEnd = LatestEnd(today);
        if (t.Length == 0 || t is "last-month" or "last_month" or "month-to-date" or "month_to_date" or "mtd")
        {
            var first = new DateOnly(today.Year, today.Month, 1);
            if (first <= Earliest)
            {
                error = $"period '{t}' is before the accepted range; accepted: {Range(today)}";
                return false;
            }

            period = t is "month-to-date" or "month_to_date" or "mtd" ? MonthToDate(today) : LastCompleteMonth(today);
            return true;
        }

        if (DateOnly.TryParseExact(t + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            if (month >= latestEnd)
            {
                error = $"period '{t}' is in the future (today is {today:yyyy-MM-dd}); accepted: {Range(today)}";
                return false;
            }

            if (month < Earliest)
            {
                error = $"period '{t}' is before the accepted range; accepted: {Range(today)}";
                return false;
            }

            period = Month(month.Year, month.Month);
            return true;
        }

        var parts = t.Split("..");
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            if (end <= start)
            {
                error = $"period '{t}' ends before it starts; the end date is exclusive and must be after the start";
                return false;
            }

            if (start < Earliest || end > latestEnd)
            {
                error = $"period '{t}' is outside the accepted range; accepted: {Range(today)}";
                return false;
            }

            if (end.DayNumber - start.DayNumber > MaxDays)
            {
                error = $"period '{t}' is longer than {MaxDays} days";
                return false;
            }

            period = new BillingPeriod(start, end, BillingPeriodKind.Custom);
            return true;
        }

        error = $"'{Shorten(t)}' is not a period; accepted: \"last-month\" (default), \"month-to-date\", \"YYYY-MM\", or \"YYYY-MM-DD..YYYY-MM-DD\" (end exclusive), for {Range(today)}";
        return false;
    }

    /// <summary>The accepted range in words, e.g. "periods from 2000-01-01 up to the end of the current month (2026-11-30)".</summary>
    private static string Range(DateOnly today) =>
        $"periods from {Earliest:yyyy-MM-dd} up to the end of the current month ({LatestEnd(today).AddDays(-1):yyyy-MM-dd})";

    /// <summary>The canonical text form, accepted back by <see cref="TryParse"/>.</summary>
    public override string ToString() => Kind == BillingPeriodKind.Month
        ? Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";

    /// <summary>A label for people: "October 2026" or "2026-11-01 – 2026-11-25".</summary>
    public string Label => Kind == BillingPeriodKind.Month
        ? Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : $"{Start:yyyy-MM-dd} – {End.AddDays(-1):yyyy-MM-dd}";

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
