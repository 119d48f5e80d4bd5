using FinOps.Domain.Schedules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FinOps.Tests.Unit.Schedules;

/// <summary>Builds runners on a shared store and clock.</summary>
public static class ScheduleTestKit
{
    public static ScheduleRunner Runner(IScheduleStore store, IScheduledRunExecutor executor, TimeProvider time, string instance = "test") =>
        new(store, executor, Options.Create(new ScheduleSettings()), time, NullLoggerFactory.Instance, instance);

    /// <summary>Runs one runner through [now, until): ticks, waits for its runs, and moves the clock by what it asks to sleep.</summary>
    public static async Task RunUntilAsync(ScheduleRunner runner, FakeTimeProvider clock, DateTimeOffset until)
    {
        while (clock.GetUtcNow() < until)
        {
            var wait = await runner.TickAsync(CancellationToken.None);
            await runner.WhenIdle;
            var remaining = until - clock.GetUtcNow();
            clock.Advance(wait <= TimeSpan.Zero ? TimeSpan.FromSeconds(1) : wait < remaining ? wait : remaining);
        }
    }
}
