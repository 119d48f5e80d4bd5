using FinOps.Domain.Schedules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace FinOps.Tests.Unit.Schedules;

/// <summary>The runner's claims, its previous-scan chain, and settings.</summary>
public sealed class ScheduleRunnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_runners_on_one_store_run_an_occurrence_once()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new InMemoryScheduleStore();
        var executor = new RecordingExecutor(clock);
        await store.SaveAsync(Schedule.Create("hourly", "0 * * * *", null, null, null), Start, CancellationToken.None);
        var a = ScheduleTestKit.Runner(store, executor, clock, "a");
        var b = ScheduleTestKit.Runner(store, executor, clock, "b");
        for (var hour = 1; hour <= 5; hour++)
        {
            clock.SetUtcNow(Start.AddHours(hour));
            await Task.WhenAll(a.TickAsync(CancellationToken.None), b.TickAsync(CancellationToken.None));
            await Task.WhenAll(a.WhenIdle, b.WhenIdle);
        }

        Assert.Equal(5, executor.Calls.Count);
        Assert.Equal(5, executor.Calls.Select(c => c.Claim.Occurrence).Distinct().Count());
    }

    [Fact]
    public async Task Each_run_is_given_the_previous_runs_scan()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new InMemoryScheduleStore();
        var executor = new RecordingExecutor(clock);
        await store.SaveAsync(Schedule.Create("hourly", "0 * * * *", null, null, null), Start, CancellationToken.None);
        await ScheduleTestKit.RunUntilAsync(ScheduleTestKit.Runner(store, executor, clock), clock, Start.AddHours(3).AddMinutes(1));
        Assert.Equal([null, "scan-1", "scan-2"], executor.Calls.Select(c => c.Previous));
        var state = await store.FindAsync("hourly", CancellationToken.None);
        Assert.Equal("scan-3", state!.LastRun!.ScanId);
        Assert.Equal(Start.AddHours(4), state.NextRun);
    }

    [Fact]
    public async Task A_failed_run_without_a_scan_is_skipped_when_the_next_run_looks_for_the_previous_scan()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new InMemoryScheduleStore();
        var executor = new RecordingExecutor(clock);
        await store.SaveAsync(Schedule.Create("hourly", "0 * * * *", null, null, null), Start, CancellationToken.None);
        await ScheduleTestKit.RunUntilAsync(ScheduleTestKit.Runner(store, executor, clock), clock, Start.AddHours(1).AddMinutes(1));
        var failed = new ScheduleRunRecord("hourly", Start.AddHours(2), ScheduleRunStatus.Running, false, false, "x", Start.AddHours(2), null, null, null, []);
        await store.TryClaimAsync(failed, Start, Start.AddHours(3), CancellationToken.None);
        await store.CompleteAsync(failed with { Status = ScheduleRunStatus.Failed, FinishedAt = Start.AddHours(2) }, CancellationToken.None);
        clock.SetUtcNow(Start.AddHours(3));
        await ScheduleTestKit.RunUntilAsync(ScheduleTestKit.Runner(store, executor, clock), clock, Start.AddHours(3).AddMinutes(1));
        Assert.Equal([null, "scan-1"], executor.Calls.Select(c => c.Previous));
    }

    [Fact]
    public async Task A_run_left_running_by_a_dead_instance_is_taken_over_only_after_the_lease()
    {
        var store = new InMemoryScheduleStore();
        await store.SaveAsync(Schedule.Create("hourly", "0 * * * *", null, null, null), Start, CancellationToken.None);
        var occurrence = Start.AddHours(1);
        var claim = new ScheduleRunRecord("hourly", occurrence, ScheduleRunStatus.Running, false, false, "dead", occurrence, null, null, null, []);
        Assert.True(await store.TryClaimAsync(claim, occurrence - ScheduleRunner.LeaseDuration, null, CancellationToken.None));
        var later = occurrence.AddMinutes(30);
        Assert.False(await store.TryClaimAsync(claim with { Instance = "b", StartedAt = later }, later - ScheduleRunner.LeaseDuration, null, CancellationToken.None));
        var expired = occurrence + ScheduleRunner.LeaseDuration + TimeSpan.FromMinutes(1);
        Assert.True(await store.TryClaimAsync(claim with { Instance = "b", StartedAt = expired }, expired - ScheduleRunner.LeaseDuration, null, CancellationToken.None));
    }

    [Fact]
    public void Settings_are_read_with_lists_as_text_or_entries()
    {
        var settings = ScheduleSettings.Read(Config(new()
        {
            ["FinOps:Schedules:nightly-eu:Cron"] = "0 2 * * *",
            ["FinOps:Schedules:nightly-eu:TimeZone"] = "Europe/London",
            ["FinOps:Schedules:nightly-eu:Regions"] = "eu-west-1, eu-west-2",
            ["FinOps:Schedules:weekly:Cron"] = "0 6 * * 1",
            ["FinOps:Schedules:weekly:Types:0"] = "ec2:instance",
            ["FinOps:Schedules:weekly:Enabled"] = "false",
        }));
        Assert.Empty(settings.Errors);
        var eu = settings.Schedules.Single(s => s.Id == "nightly-eu");
        Assert.Equal(["eu-west-1", "eu-west-2"], eu.Scope.Regions.ToArray());
        Assert.Equal(ScheduleOrigin.Settings, eu.Origin);
        var weekly = settings.Schedules.Single(s => s.Id == "weekly");
        Assert.False(weekly.Enabled);
        Assert.Equal(["ec2:instance"], weekly.Scope.ResourceTypes.ToArray());
    }

    [Theory]
    [InlineData("Cron", "0 6 * *", "FinOps:Schedules:bad:Cron")]
    [InlineData("TimeZone", "Nowhere/Land", "FinOps:Schedules:bad:TimeZone")]
    [InlineData("Regions", "not a region", "FinOps:Schedules:bad:Regions")]
    [InlineData("Types", "ec2:nothing", "FinOps:Schedules:bad:Types")]
    [InlineData("Enabled", "maybe", "FinOps:Schedules:bad:Enabled")]
    public void Bad_settings_name_the_setting(string field, string value, string setting)
    {
        var values = new Dictionary<string, string?> { ["FinOps:Schedules:bad:Cron"] = "0 6 * * *", [$"FinOps:Schedules:bad:{field}"] = value };
        var settings = ScheduleSettings.Read(Config(values));
        var error = Assert.Single(settings.Errors);
        Assert.StartsWith(setting, error, StringComparison.Ordinal);
        Assert.Empty(settings.Schedules);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
