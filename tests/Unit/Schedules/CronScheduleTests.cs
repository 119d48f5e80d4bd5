using FinOps.Domain.Schedules;
using Microsoft.Extensions.Time.Testing;

namespace FinOps.Tests.Unit.Schedules;

/// <summary>Cron parsing, refusals, and daylight-saving changes in Europe/London.</summary>
public sealed class CronScheduleTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 6 * * 1-5", false)]
    [InlineData("  0   6 * *  *  ", false)]
    [InlineData("0 30 6 * * *", true)]
    [InlineData("@daily", false)]
    public void Accepts_five_and_six_fields_and_macros(string cron, bool seconds)
    {
        var parsed = CronSchedule.Parse(cron, null);
        Assert.Equal(seconds, parsed.HasSeconds);
        Assert.Equal("UTC", parsed.TimeZoneId);
    }

    [Theory]
    [InlineData("", "cron is required")]
    [InlineData("* * *", "has 3 fields")]
    [InlineData("* * * * * * *", "has 7 fields")]
    [InlineData("61 * * * *", "is not valid")]
    [InlineData("daily", "has 1 field")]
    public void Refuses_bad_cron_saying_what_is_accepted(string cron, string expected)
    {
        var error = Assert.Throws<InvalidScheduleException>(() => CronSchedule.Parse(cron, "UTC"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("five fields", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("Europe/ London")]
    [InlineData("../../etc/passwd")]
    public void Refuses_unknown_time_zones(string zone)
    {
        var error = Assert.Throws<InvalidScheduleException>(() => CronSchedule.Parse("0 6 * * *", zone));
        Assert.Contains("IANA time zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void London_spring_forward_runs_a_skipped_local_time_once_at_the_change()
    {
        // 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 local does not exist that day.
        var cron = CronSchedule.Parse("30 1 * * *", "Europe/London");
        var runs = cron.Between(Utc(3, 27, 12, 0), Utc(3, 31, 12, 0)).ToList();
        Assert.Equal([Utc(3, 28, 1, 30), Utc(3, 29, 1, 0), Utc(3, 30, 0, 30), Utc(3, 31, 0, 30)], runs);
    }

    [Fact]
    public void London_fall_back_runs_a_repeated_local_time_once()
    {
        // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:30 local happens twice; the schedule runs at the first.
        var cron = CronSchedule.Parse("30 1 * * *", "Europe/London");
        var runs = cron.Between(Utc(10, 24, 12, 0), Utc(10, 26, 12, 0)).ToList();
        Assert.Equal([Utc(10, 25, 0, 30), Utc(10, 26, 1, 30)], runs);
    }

    [Fact]
    public async Task A_runner_across_the_fall_back_hour_runs_each_occurrence_once()
    {
        var clock = new FakeTimeProvider(Utc(10, 24, 22, 0));
        var store = new InMemoryScheduleStore();
        var executor = new RecordingExecutor(clock);
        var schedule = Schedule.Create("london", "30 1 * * *", "Europe/London", null, null);
        await store.SaveAsync(schedule, clock.GetUtcNow(), CancellationToken.None);
        await ScheduleTestKit.RunUntilAsync(ScheduleTestKit.Runner(store, executor, clock), clock, Utc(10, 26, 3, 0));
        Assert.Equal([Utc(10, 25, 0, 30), Utc(10, 26, 1, 30)], executor.Calls.Select(c => c.Claim.Occurrence));
        Assert.All(executor.Calls, c => Assert.Equal(c.Claim.Occurrence, c.At));
    }

    [Fact]
    public void Planner_marks_a_long_gap_as_one_caught_up_run_with_a_note()
    {
        var cron = CronSchedule.Parse("0 * * * *", "UTC");
        var plan = OccurrencePlanner.Plan(cron, Utc(3, 1, 0, 0), Utc(3, 1, 5, 20));
        Assert.Equal(Utc(3, 1, 5, 0), plan.Due);
        Assert.True(plan.CaughtUp);
        Assert.Equal(4, plan.Missed);
        Assert.Equal(Utc(3, 1, 6, 0), plan.Next);
        Assert.Contains("4 earlier occurrences were missed", plan.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Planner_has_nothing_due_before_the_first_occurrence()
    {
        var cron = CronSchedule.Parse("0 6 * * *", "UTC");
        var plan = OccurrencePlanner.Plan(cron, Utc(3, 1, 7, 0), Utc(3, 1, 23, 0));
        Assert.Null(plan.Due);
        Assert.Equal(Utc(3, 2, 6, 0), plan.Next);
    }
}
