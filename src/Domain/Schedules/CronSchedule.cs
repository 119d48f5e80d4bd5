using Cronos;

namespace FinOps.Domain.Schedules;

/// <summary>
/// A cron expression in a time zone (Cronos underneath). Accepted: five fields (minute hour day-of-month month
/// day-of-week), six fields when the first is seconds, or one of the macros <c>@hourly</c>, <c>@daily</c>,
/// <c>@midnight</c>, <c>@weekly</c>, <c>@monthly</c>, <c>@yearly</c>, <c>@annually</c>, <c>@every_minute</c>. Times are
/// read in <see cref="TimeZone"/>: a local time skipped by a daylight-saving change runs at the change, and a local
/// time that happens twice runs once (the first time).
/// </summary>
public sealed class CronSchedule
{
    /// <summary>The time zone when none is given.</summary>
    public const string DefaultTimeZone = "UTC";

    /// <summary>What the cron field accepts, for messages.</summary>
    public const string AcceptedCron =
        "five fields 'minute hour day-of-month month day-of-week' (e.g. '0 6 * * 1-5'), six fields with seconds first " +
        "(e.g. '0 30 6 * * *'), or a macro such as @daily or @hourly";

    /// <summary>What the time zone field accepts, for messages.</summary>
    public const string AcceptedTimeZone = "an IANA time zone such as UTC, Europe/London or America/New_York";

    private const int MaxExpressionLength = 200;

    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression, TimeZoneInfo zone, string zoneId)
    {
        Expression = text;
        _expression = expression;
        TimeZone = zone;
        TimeZoneId = zoneId;
    }

    /// <summary>The expression as given (trimmed).</summary>
    public string Expression { get; }

    /// <summary>Whether the expression has a seconds field.</summary>
    public bool HasSeconds => Expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6;

    /// <summary>The time zone occurrences are read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The time zone's id as given (e.g. Europe/London).</summary>
    public string TimeZoneId { get; }

    /// <summary>
    /// Parses an expression and a time zone (null or blank: UTC). Throws <see cref="InvalidScheduleException"/> naming
    /// the field and what it accepts.
    /// </summary>
    public static CronSchedule Parse(string? expression, string? timeZone)
    {
        var text = string.Join(' ', (expression ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            throw new InvalidScheduleException($"cron is required: {AcceptedCron}.");
        }

        if (text.Length > MaxExpressionLength)
        {
            throw new InvalidScheduleException($"cron is {text.Length} characters; at most {MaxExpressionLength} are accepted: {AcceptedCron}.");
        }

        var fields = text.Split(' ').Length;
        if (fields is not (1 or 5 or 6) || (fields == 1 && !text.StartsWith('@')))
        {
            throw new InvalidScheduleException($"cron '{Shorten(text)}' has {fields} field{(fields == 1 ? "" : "s")}; accepted: {AcceptedCron}.");
        }

        CronExpression parsed;
        try
        {
            parsed = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new InvalidScheduleException($"cron '{Shorten(text)}' is not valid ({ex.Message.TrimEnd('.')}); accepted: {AcceptedCron}.", ex);
        }

        var zoneId = string.IsNullOrWhiteSpace(timeZone) ? DefaultTimeZone : timeZone.Trim();
        return new CronSchedule(text, parsed, FindZone(zoneId), zoneId);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC; null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        _expression.GetNextOccurrence(after.ToUniversalTime(), TimeZone, inclusive: false)?.ToUniversalTime();

    /// <summary>Occurrences in (<paramref name="after"/>, <paramref name="until"/>], oldest first, in UTC.</summary>
    public IEnumerable<DateTimeOffset> Between(DateTimeOffset after, DateTimeOffset until) =>
        _expression.GetOccurrences(after.ToUniversalTime(), until.ToUniversalTime(), TimeZone, fromInclusive: false, toInclusive: true)
            .Select(o => o.ToUniversalTime());

    public override string ToString() => $"{Expression} ({TimeZoneId})";

    private static TimeZoneInfo FindZone(string id)
    {
        if (id.Length > 64 || id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new InvalidScheduleException($"time zone '{Shorten(id)}' is not a time zone; accepted: {AcceptedTimeZone}.");
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidScheduleException($"time zone '{Shorten(id)}' is not known; accepted: {AcceptedTimeZone}.", ex);
        }
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
