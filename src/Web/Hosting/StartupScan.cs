using FinOps.Domain.Scanning;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Hosting;

/// <summary>Starts the default scan in the background at start-up (when <see cref="DashboardOptions.ScanOnStartup"/>).</summary>
public sealed partial class StartupScan(ComplianceService compliance, IOptions<DashboardOptions> options, ILogger<StartupScan> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ScanOnStartup)
        {
            return;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up scan {JobId} started")]
    private static partial void LogStarted(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up scan could not start: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
