using Microsoft.Extensions.Logging;

namespace FinOps.Domain.Scanning;

/// <summary>Counts finished type listings of one scan and hands events to the caller's sink.</summary>
internal sealed partial class ScanProgressTracker(IProgress<ScanProgressEvent>? sink, TimeProvider time, int totalUnits, ILogger logger)
{
    private int _finished;

    /// <summary>Share of finished listings, 0–100.</summary>
    public double Percent => totalUnits == 0 ? 100 : Math.Min(100, 100.0 * Volatile.Read(ref _finished) / totalUnits);

    public DateTimeOffset Now => time.GetUtcNow();

    public void Finished(int units)
    {
        if (units > 0)
        {
            Interlocked.Add(ref _finished, units);
        }
    }

    public void Publish(ScanProgressEvent progress)
    {
        if (sink is null)
        {
            return;
        }

        try
        {
            sink.Report(progress);
        }
#pragma warning disable CA1031 // A faulty observer must not fail the scan it observes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSinkFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scan progress observer failed")]
    private static partial void LogSinkFailed(ILogger logger, Exception exception);
}
