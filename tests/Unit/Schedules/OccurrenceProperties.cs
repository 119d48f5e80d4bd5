using FinOps.Domain.Schedules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace FinOps.Tests.Unit.Schedules;

/// <summary>A schedule's occurrences across restarts: none doubled, none skipped while up, one catch-up per downtime.</summary>
public sealed class OccurrenceProperties
{
    private static readonly DateTimeOffset Start = new(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Cron, string Zone)[] Crons =
    [
        ("*/15 * * * *", "UTC"), ("0 * * * *", "UTC"), ("30 6 * * *", "Europe/London"), ("0 */2 * * *", "Europe/London"),
        ("0 0 * * 1", "America/New_York"), ("0 */20 * * * *", "UTC"), ("30 1 * * *", "Europe/London"),
    ];

    /// <summary>Up and down periods in minutes, alternating, starting up.</summary>
    public static Arbitrary<Timeline> Timelines() =>
        (from cron in Gen.Elements(Crons)
         from periods in Gen.ListOf(Gen.Choose(1, 60 * 30)).Where(l => l.Count is > 1 and < 12)
         select new Timeline(cron.Cron, cron.Zone, [.. periods])).ToArbitrary();

    [Property(MaxTest = 60, Arbitrary = [typeof(OccurrenceProperties)])]
    public async Task Restarts_neither_double_nor_skip_and_each_downtime_catches_up_once(Timeline timeline)
    {
        var clock = new FakeTimeProvider(Start);
        var store = new InMemoryScheduleStore();
        var executor = new RecordingExecutor(clock);
        var schedule = Schedule.Create("audit", timeline.Cron, timeline.Zone, null, null);
        await store.SaveAsync(schedule, Start, CancellationToken.None);

        var expected = new List<(DateTimeOffset Occurrence, bool CaughtUp, DateTimeOffset RunAt)>();
        var at = Start;
        DateTimeOffset? downSince = null;
        for (var i = 0; i < timeline.Minutes.Length; i++)
        {
            var end = at + TimeSpan.FromMinutes(timeline.Minutes[i]);
            if (i % 2 == 0)
            {
                // Up: a new runner (a restart) on the same store. What the downtime missed runs once, at start-up.
                var onTime = schedule.Cron.Between(at - TimeSpan.FromTicks(1), end).Where(o => o < end && o > Start).ToList();
                var missed = downSince is { } down
                    ? schedule.Cron.Between(down - TimeSpan.FromTicks(1), at).Where(o => o < at).ToList()
                    : [];
                if (missed.Count > 0)
                {
                    if (onTime.Count > 0 && onTime[0] == at)
                    {
                        expected.Add((at, true, at));
                        onTime.RemoveAt(0);
                    }
                    else
                    {
                        expected.Add((missed[^1], missed.Count > 1 || at - missed[^1] > OccurrencePlanner.LateTolerance, at));
                    }
                }

                expected.AddRange(onTime.Select(o => (o, false, o)));
                await ScheduleTestKit.RunUntilAsync(ScheduleTestKit.Runner(store, executor, clock, $"instance-{i}"), clock, end);
                downSince = null;
            }
            else
            {
                clock.SetUtcNow(end);
                downSince = at;
            }

            at = end;
        }

        var runs = executor.Calls.Select(c => (c.Claim.Occurrence, c.Claim.CaughtUp, c.At)).ToList();
        Assert.Equal(runs.Count, runs.Select(r => r.Occurrence).Distinct().Count());
        Assert.Equal(expected, runs);
    }

    /// <summary>A timeline: a cron and alternating up/down periods.</summary>
    public sealed record Timeline(string Cron, string Zone, int[] Minutes)
    {
        public override string ToString() => $"{Cron} ({Zone}) up/down minutes [{string.Join(", ", Minutes)}]";
    }
}
