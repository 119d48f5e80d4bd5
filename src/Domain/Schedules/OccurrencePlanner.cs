namespace FinOps.Domain.Schedules;

/// <summary>
/// Which occurrence of a schedule is due. Given the last occurrence already run (or when the schedule was created)
/// and now, the due occurrence is the latest one in between: on time when it is at most <see cref="LateTolerance"/>
/// old and nothing before it was missed, otherwise a catch-up for what was missed while the product was down — run
/// once however many were missed, and the earlier ones passed over. Never runs an occurrence twice: the next plan
/// starts after the one run.
/// </summary>
public static class OccurrencePlanner
{
    /// <summary>Most missed occurrences counted for the note.</summary>
    public const int MaxCounted = 1000;

    /// <summary>How late an occurrence may start and still count as on time.</summary>
    public static readonly TimeSpan LateTolerance = TimeSpan.FromMinutes(1);

    // Look-back windows for the latest occurrence: the first that holds one is walked, so a frequent expression walks a
    // short window and a rare one a long window, never years of minutes.
    private static readonly TimeSpan[] Windows =
        [TimeSpan.FromMinutes(2), TimeSpan.FromHours(2), TimeSpan.FromDays(2), TimeSpan.FromDays(62), TimeSpan.FromDays(800), TimeSpan.FromDays(3700)];

    /// <summary>Plans one schedule: <paramref name="since"/> is the last occurrence run, or the schedule's creation time.</summary>
    public static OccurrencePlan Plan(CronSchedule cron, DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var first = cron.NextAfter(since);
        if (first is null || first > now)
        {
            return new OccurrencePlan(null, false, 0, first);
        }

        var latest = Latest(cron, since, now, first.Value);
        var missed = latest == first.Value ? 0 : CountBetween(cron, since, latest) - 1;
        var caughtUp = missed > 0 || now - latest > LateTolerance;
        return new OccurrencePlan(latest, caughtUp, missed, cron.NextAfter(now));
    }

    private static DateTimeOffset Latest(CronSchedule cron, DateTimeOffset since, DateTimeOffset now, DateTimeOffset first)
    {
        foreach (var window in Windows)
        {
            var from = now - window > since ? now - window : since;
            if (cron.NextAfter(from) is { } found && found <= now)
            {
                return Walk(cron, found, now);
            }
        }

        return Walk(cron, first, now);
    }

    private static DateTimeOffset Walk(CronSchedule cron, DateTimeOffset from, DateTimeOffset now)
    {
        var latest = from;
        while (cron.NextAfter(latest) is { } next && next <= now)
        {
            latest = next;
        }

        return latest;
    }

    private static int CountBetween(CronSchedule cron, DateTimeOffset since, DateTimeOffset latest) =>
        cron.Between(since, latest).Take(MaxCounted + 1).Count();
}
