using System.Collections.Concurrent;
using FinOps.Domain.History;
using FinOps.Domain.Schedules;
using FinOps.Tests.Integration.Mcp;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Integration.Schedules;

/// <summary>
/// Runs in the real app: each is an ordinary scan kept in history, then every observer is told with the previous run's
/// scan; an observer that throws is recorded as a failed follow-up and the run is kept.
/// </summary>
public sealed class ScheduledRunTests
{
    [Fact]
    public async Task Runs_are_kept_scans_observers_see_the_previous_scan_and_a_failing_observer_is_recorded_not_fatal()
    {
        var recording = new RecordingObserver();
        await using var host = McpTestHost.Start(new Dictionary<string, string?>
        {
            ["FinOps:Dashboard:ScanOnStartup"] = "false",
            ["FinOps:Schedules:eu-daily:Cron"] = "0 6 * * *",
            ["FinOps:Schedules:eu-daily:Regions"] = "eu-west-1",
            ["FinOps:Schedules:eu-daily:Types"] = "ec2:instance",
        }, services =>
        {
            services.AddSingleton<IScheduledRunObserver>(recording);
            services.AddSingleton<IScheduledRunObserver, ThrowingObserver>();
        });
        var schedules = host.Get<ScheduleService>();
        await WaitAsync(async () => await schedules.FindAsync("eu-daily", CancellationToken.None) is not null);

        var first = await RunAndWaitAsync(schedules, "eu-daily");
        var second = await RunAndWaitAsync(schedules, "eu-daily");

        Assert.Equal(ScheduleRunStatus.Succeeded, first.Status);
        Assert.True(first.Manual);
        Assert.NotEqual(first.ScanId, second.ScanId);
        var runs = recording.Runs.ToList();
        Assert.Equal(2, runs.Count);
        Assert.Null(runs[0].PreviousScanId);
        Assert.Equal(first.ScanId, runs[1].PreviousScanId);
        Assert.Equal(["eu-west-1"], runs[1].Scope.Regions.ToArray());
        Assert.Equal(second.ScanId, runs[1].Result.ScanId);

        // Every registered observer follows up: the two of this test and the product's notifications (nothing configured here).
        Assert.Equal([nameof(ThrowingObserver), "notifications", "recording"], second.FollowUps.Select(f => f.Observer).Order(StringComparer.Ordinal));
        Assert.Equal(new RunFollowUp("recording", 1, 0, []).Delivered, second.FollowUps.Single(f => f.Observer == "recording").Delivered);
        var failure = Assert.Single(second.DeliveryFailures);
        Assert.Equal(nameof(ThrowingObserver), failure.Recipient);
        Assert.Contains("unexpected internal error", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("smtp.example.com", failure.Reason, StringComparison.Ordinal);

        var history = host.Get<HistoryService>();
        await WaitAsync(async () => (await history.ListScansAsync(10, null, CancellationToken.None)).Scans.Any(s => s.Record.ScanId == second.ScanId));
    }

    private static async Task<ScheduleRunRecord> RunAndWaitAsync(ScheduleService schedules, string name)
    {
        var claim = await schedules.RunNowAsync(name, CancellationToken.None);
        ScheduleRunRecord? finished = null;
        await WaitAsync(async () =>
        {
            finished = (await schedules.ListRunsAsync(name, 10, CancellationToken.None))
                .FirstOrDefault(r => r.Occurrence == claim.Occurrence && r.Status != ScheduleRunStatus.Running);
            return finished is not null;
        });

        // Run-now claims are keyed by the moment asked for; wait a tick so the next one has its own key.
        await Task.Delay(10);
        return finished!;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The scheduled run did not finish within 90 seconds.");
            await Task.Delay(100);
        }
    }

    private sealed class RecordingObserver : IScheduledRunObserver
    {
        public ConcurrentQueue<ScheduledRun> Runs { get; } = new();

        public Task<RunFollowUp> AfterRunAsync(ScheduledRun run, CancellationToken cancellationToken)
        {
            Runs.Enqueue(run);
            return Task.FromResult(new RunFollowUp("recording", 1, 0, []));
        }
    }

    private sealed class ThrowingObserver : IScheduledRunObserver
    {
        public Task<RunFollowUp> AfterRunAsync(ScheduledRun run, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("could not reach smtp.example.com:25");
    }
}
