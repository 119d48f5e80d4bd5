using FinOps.Domain.History;
using FinOps.Domain.Scanning;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Hosting;

/// <summary>Starts the default scan in the background at start-up (when <see cref="DashboardOptions.ScanOnStartup"/>).</summary>
public sealed partial class StartupScan(ComplianceService compliance, HistoryRecorder history, IOptions<DashboardOptions> options,
    TimeProvider time, ILogger<StartupScan> logger)
    : BackgroundService
{
    /// <summary>Longest wait for the history store's state before scanning anyway (a slow store must not stop the scan).</summary>
    public static readonly TimeSpan RestoreWait = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ScanOnStartup)
        {
            return;
        }

        try
        {
            // The scan refreshes the restored state; started first, it would replace it (the keeper takes one or the other).
            await history.Restored.WaitAsync(RestoreWait, time, stoppingToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogRestoreSlow(logger, RestoreWait.TotalSeconds);
        }

        try
        {
            var job = await compliance.StartScanAsync(ScanRequest.Default, stoppingToken);
            LogStarted(logger, job.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The dashboard offers a scan button; a failed first scan must not stop the app.
            LogFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The history store did not restore the account state within {Seconds} s; scanning without it")]
    private static partial void LogRestoreSlow(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up scan {JobId} started")]
    private static partial void LogStarted(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up scan could not start: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
