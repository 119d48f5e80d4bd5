using System.Collections.Concurrent;
using FinOps.Domain.Schedules;
using FinOps.Store;
using FinOps.Store.Schedules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FinOps.Tests.Integration.Store;

/// <summary>Schedules in the history database: round trip, the claim (one winner per occurrence), restarts, on SQLite and PostgreSQL.</summary>
public sealed class ScheduleStoreTests(StoreDatabases databases) : IClassFixture<StoreDatabases>
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_schedule_and_its_runs_round_trip(StoreKind kind)
    {
        var store = await NewStoreAsync(kind);
        var schedule = Schedule.Create("Nightly-EU", "30 1 * * *", "Europe/London", ["eu-west-1", "eu-west-2"], ["ec2:instance", "s3:bucket"]);
        Assert.True(await store.SaveAsync(schedule, Start, CancellationToken.None));
        Assert.False(await store.SaveAsync(schedule, Start.AddHours(1), CancellationToken.None));

        var state = Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal("Nightly-EU", state.Schedule.Name);
        Assert.Equal("nightly-eu", state.Schedule.Id);
        Assert.Equal("30 1 * * *", state.Schedule.Cron.Expression);
        Assert.Equal("Europe/London", state.Schedule.Cron.TimeZoneId);
        Assert.Equal(["eu-west-1", "eu-west-2"], state.Schedule.Scope.Regions.ToArray());
        Assert.Equal(schedule.Scope.ResourceTypes.ToArray(), state.Schedule.Scope.ResourceTypes.ToArray());
        Assert.Equal(Start, state.CreatedAt);
        Assert.Equal(Start, state.UpdatedAt);
        Assert.Null(state.LastRun);

        var occurrence = Start.AddHours(1).AddMinutes(30);
        var claim = new ScheduleRunRecord("nightly-eu", occurrence, ScheduleRunStatus.Running, true, false, "a", occurrence, null, null, "Caught up.", []);
        Assert.True(await store.TryClaimAsync(claim, occurrence - ScheduleRunner.LeaseDuration, occurrence.AddDays(1), CancellationToken.None));
        var finished = claim with
        {
            Status = ScheduleRunStatus.Partial,
            FinishedAt = occurrence.AddMinutes(2),
            ScanId = "scan-42",
            FollowUps = [new RunFollowUp("notifications", 3, 1, [new DeliveryFailure("slack", "#team-a", "HTTP 500 after retries", 3)])],
        };
        await store.CompleteAsync(finished, CancellationToken.None);

        var after = await store.FindAsync("nightly-eu", CancellationToken.None);
        Assert.NotNull(after);
        Assert.Equal(occurrence, after.LastOccurrence);
        Assert.Equal(occurrence.AddDays(1), after.NextRun);
        var last = after.LastRun!;
        Assert.Equal(ScheduleRunStatus.Partial, last.Status);
        Assert.Equal("scan-42", last.ScanId);
        Assert.True(last.CaughtUp);
        Assert.Equal("Caught up.", last.Note);
        var failure = Assert.Single(last.DeliveryFailures);
        Assert.Equal(new DeliveryFailure("slack", "#team-a", "HTTP 500 after retries", 3), failure);
        Assert.Equal(3, Assert.Single(last.FollowUps).Delivered);
        Assert.Single(await store.ListRunsAsync("nightly-eu", 10, CancellationToken.None));

        // A new timing restarts planning; a new scope alone does not.
        await store.SaveAsync(Schedule.Create("nightly-eu", "30 1 * * *", "Europe/London", ["eu-west-1"], null), Start.AddDays(2), CancellationToken.None);
        Assert.Equal(Start, (await store.FindAsync("nightly-eu", CancellationToken.None))!.UpdatedAt);
        await store.SaveAsync(Schedule.Create("nightly-eu", "0 2 * * *", "Europe/London", ["eu-west-1"], null), Start.AddDays(3), CancellationToken.None);
        Assert.Equal(Start.AddDays(3), (await store.FindAsync("nightly-eu", CancellationToken.None))!.UpdatedAt);

        Assert.True(await store.DeleteAsync("nightly-eu", CancellationToken.None));
        Assert.False(await store.DeleteAsync("nightly-eu", CancellationToken.None));
        Assert.Empty(await store.ListRunsAsync("nightly-eu", 10, CancellationToken.None));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Concurrent_claims_of_one_occurrence_have_one_winner_and_an_expired_claim_is_taken_over_once(StoreKind kind)
    {
        var (first, second) = await TwoInstancesAsync(kind);
        await first.SaveAsync(Schedule.Create("hourly", "0 * * * *", null, null, null), Start, CancellationToken.None);
        var occurrence = Start.AddHours(1);
        var claims = Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? first : second).TryClaimAsync(Claim("hourly", occurrence, $"i{i}", occurrence), occurrence - ScheduleRunner.LeaseDuration, null,
                CancellationToken.None));
        Assert.Equal(1, (await Task.WhenAll(claims)).Count(won => won));

        var expired = occurrence + ScheduleRunner.LeaseDuration + TimeSpan.FromMinutes(1);
        var takeovers = Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? first : second).TryClaimAsync(Claim("hourly", occurrence, $"t{i}", expired), expired - ScheduleRunner.LeaseDuration, null,
                CancellationToken.None));
        Assert.Equal(1, (await Task.WhenAll(takeovers)).Count(won => won));
        Assert.Single(await first.ListRunsAsync("hourly", 10, CancellationToken.None));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Two_runners_on_one_store_run_each_occurrence_once_and_a_restart_repeats_none(StoreKind kind)
    {
        var (first, second) = await TwoInstancesAsync(kind);
        var clock = new FakeTimeProvider(Start);
        var executor = new CountingExecutor(clock);
        await first.SaveAsync(Schedule.Create("quarterly-hour", "*/15 * * * *", null, null, null), Start, CancellationToken.None);
        var a = Runner(first, executor, clock, "a");
        var b = Runner(second, executor, clock, "b");
        for (var step = 1; step <= 8; step++)
        {
            clock.SetUtcNow(Start.AddMinutes(15 * step));
            await Task.WhenAll(a.TickAsync(CancellationToken.None), b.TickAsync(CancellationToken.None));
            await Task.WhenAll(a.WhenIdle, b.WhenIdle);
        }

        Assert.Equal(8, executor.Runs.Count);
        Assert.Equal(8, executor.Runs.Distinct().Count());

        // Both instances restart 50 minutes later: the three missed occurrences run once, as one catch-up.
        clock.SetUtcNow(Start.AddMinutes((15 * 8) + 50));
        var c = Runner(first, executor, clock, "c");
        var d = Runner(second, executor, clock, "d");
        await Task.WhenAll(c.TickAsync(CancellationToken.None), d.TickAsync(CancellationToken.None));
        await Task.WhenAll(c.WhenIdle, d.WhenIdle);
        await Task.WhenAll(c.TickAsync(CancellationToken.None), d.TickAsync(CancellationToken.None));
        Assert.Equal(9, executor.Runs.Count);
        Assert.Equal(Start.AddMinutes(15 * 11), executor.Runs[^1]);

        var state = (await first.FindAsync("quarterly-hour", CancellationToken.None))!;
        Assert.True(state.LastRun!.CaughtUp);
        Assert.Contains("2 earlier occurrences were missed", state.LastRun.Note, StringComparison.Ordinal);
        Assert.Equal(ScheduleRunStatus.Succeeded, state.LastRun.Status);
        Assert.Equal(Start.AddMinutes(15 * 12), state.NextRun);
    }

    private static ScheduleRunRecord Claim(string id, DateTimeOffset occurrence, string instance, DateTimeOffset at) =>
        new(id, occurrence, ScheduleRunStatus.Running, false, false, instance, at, null, null, null, []);

    private static ScheduleRunner Runner(IScheduleStore store, IScheduledRunExecutor executor, TimeProvider time, string instance) =>
        new(store, executor, Options.Create(new ScheduleSettings()), time, NullLoggerFactory.Instance, instance);

    private async Task<ScheduleStore> NewStoreAsync(StoreKind kind)
    {
        var history = new ScanHistoryStore(await databases.NewDatabaseAsync(kind));
        await history.MigrateAsync(CancellationToken.None);
        return new ScheduleStore(history);
    }

    /// <summary>Two stores on one database, as two app instances would have (on SQLite, two handles on one file).</summary>
    private async Task<(ScheduleStore First, ScheduleStore Second)> TwoInstancesAsync(StoreKind kind)
    {
        var database = await databases.NewDatabaseAsync(kind);
        var other = database.SqliteFile is { } file ? HistoryDatabase.Sqlite($"Data Source={file}") : database;
        var first = new ScanHistoryStore(database);
        await first.MigrateAsync(CancellationToken.None);
        var second = new ScanHistoryStore(other);
        await second.MigrateAsync(CancellationToken.None);
        return (new ScheduleStore(first), new ScheduleStore(second));
    }

    /// <summary>Finishes every run at once and remembers the occurrences run.</summary>
    private sealed class CountingExecutor(TimeProvider time) : IScheduledRunExecutor
    {
        private readonly ConcurrentQueue<DateTimeOffset> _runs = new();

        public IReadOnlyList<DateTimeOffset> Runs => [.. _runs];

        public Task<ScheduleRunRecord> RunAsync(Schedule schedule, ScheduleRunRecord claim, string? previousScanId, CancellationToken cancellationToken)
        {
            _runs.Enqueue(claim.Occurrence);
            return Task.FromResult(claim with { Status = ScheduleRunStatus.Succeeded, FinishedAt = time.GetUtcNow(), ScanId = $"scan-{_runs.Count}" });
        }
    }
}
