using FinOps.Domain.History;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Store;

/// <summary>
/// Applies <see cref="StoreOptions.RetentionDays"/> once at start-up and then once a day: scans older than that lose their
/// per-resource detail (records and trend points stay). A database that cannot be reached is logged and tried again
/// the next day.
/// </summary>
public sealed partial class HistoryRetention(IScanHistory history, IOptions<StoreOptions> options, TimeProvider time, ILogger<HistoryRetention> logger)
    : BackgroundService
{
    /// <summary>Time between two compactions.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var keepSince = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
            try
            {
                var outcome = await history.CompactAsync(keepSince, stoppingToken).ConfigureAwait(false);
                LogCompacted(logger, outcome.ScansCompacted, outcome.ObservationsRemoved, keepSince);
            }
            catch (HistoryUnavailableException unavailable)
            {
                LogUnavailable(logger, unavailable.Message);
            }

            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History retention: {Scans} scans before {KeepSince:u} lost their per-resource detail, {Observations} observations removed")]
    private static partial void LogCompacted(ILogger logger, int scans, long observations, DateTimeOffset keepSince);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History retention did not run: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
