using FinOps.Domain.State;
using FinOps.Domain.Waivers;

namespace FinOps.Web.Waivers;

/// <summary>
/// Reads the waivers at start-up, then wakes at each waiver's expiry and tells the account state's observers, so open
/// pages re-render with the expired waiver's violations back in the gap (the figures themselves change at the expiry
/// instant whoever reads them, see <see cref="WaiverBook.ValidUntil"/>).
/// </summary>
public sealed partial class WaiverClock(IWaiverBookSource waivers, AccountStateKeeper state, TimeProvider time, ILogger<WaiverClock> logger)
    : BackgroundService
{
    /// <summary>Longest single wait (timers are re-armed after it, whatever the next expiry).</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(12);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changed = new SemaphoreSlim(0);
        void OnChanged() => changed.Release();
        waivers.Changed += OnChanged;
        try
        {
            // Off the host's start-up path: the read runs beside the restore of the account state.
            await Task.Yield();
            await LoadAsync(stoppingToken).ConfigureAwait(false);
            Task? woke = null;
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                var until = waivers.BookAt(now).ValidUntil;
                var wait = until == DateTimeOffset.MaxValue ? MaxWait : until - now;
                wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait;
                // One waiter at a time, kept across timer wake-ups, so no change signal is taken by a forgotten waiter.
                woke = woke is null || woke.IsCompleted ? changed.WaitAsync(stoppingToken) : woke;
                var elapsed = Task.Delay(wait, time, stoppingToken);
                await Task.WhenAny(woke, elapsed).ConfigureAwait(false);
                if (elapsed.IsCompletedSuccessfully && time.GetUtcNow() >= until)
                {
                    state.RefreshWaivers();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            waivers.Changed -= OnChanged;
        }
    }

    private async Task LoadAsync(CancellationToken stoppingToken)
    {
        try
        {
            await waivers.EnsureLoadedAsync(stoppingToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // An unreadable store is reported on the waiver page; figures are shown without waivers meanwhile.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogLoadFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waivers could not be read at start-up; figures are shown without waivers until they can")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);
}
