using FinOps.Domain.History;
using FinOps.Domain.Owners;
using FinOps.Domain.Scanning;
using FinOps.Domain.Schedules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Notifications;

/// <summary>
/// Builds a scheduled run's messages: the owner report of the run's result, the previous run's view of the same scope
/// and the drift between the two scans (from <see cref="HistoryService"/>), judged by the rules in force. When history
/// cannot say what came before, the run is treated as a first run (and said so in the log).
/// </summary>
public sealed partial class DigestService(
    OwnerReportService owners,
    HistoryService history,
    IOptions<NotificationRulesOptions> rules,
    ILogger<DigestService> logger)
{
    /// <summary>The rules in force.</summary>
    public NotificationRules Rules { get; } = rules.Value.ToRules();

    /// <summary>The messages of a finished run.</summary>
    public async Task<RunDigests> BuildAsync(ScheduledRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        OwnerReport? before = null;
        DriftReport? drift = null;
        if (run.PreviousScanId is { } previous && previous != run.ScanId)
        {
            try
            {
                if (await history.ViewAsOfAsync(previous, run.Scope, cancellationToken).ConfigureAwait(false) is { } view)
                {
                    before = OwnerReport.From(view, owners.Directory);
                }

                drift = await history.DriftAsync(new DriftQuery(previous, run.ScanId, null, run.Scope, []), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ArgumentException or HistoryUnavailableException)
            {
                LogNoPrevious(logger, run.ScheduleName, history.ForCallers(ex.Message));
            }
        }

        return DigestBuilder.Build(run, owners.For(run.Result), before, drift, Rules);
    }

    /// <summary>The messages a run would send now for a result, as on a first run (for the preview).</summary>
    public RunDigests Preview(ComplianceResult result, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(result);
        var run = new ScheduledRun("preview", "Preview", at, false, ScanScope.Everything, result.ScanId, null, result);
        return DigestBuilder.Build(run, owners.For(result), null, null, Rules);
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Warning, Message = "Schedule {Schedule}: what changed since the previous run is unknown ({Reason}); the digests compare with nothing")]
    private static partial void LogNoPrevious(ILogger logger, string schedule, string reason);
}
