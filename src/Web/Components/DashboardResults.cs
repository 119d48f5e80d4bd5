using System.Collections.Immutable;
using FinOps.Domain.Scanning;

namespace FinOps.Web.Components;

/// <summary>
/// Picks the result a dashboard page shows: what the product shows now for the page's regions (the account state,
/// <see cref="ComplianceService.Current"/>), or one scan's own result when the URL pins it (<c>?scan=</c>). It keeps no
/// copy of any result or figure: views and their gap reports are built once in Domain and shared by every door. From
/// start-up it warms the whole-account view and its gap report whenever the state changes, so no visitor waits for them.
/// </summary>
public sealed partial class DashboardResults(ComplianceService compliance, ILogger<DashboardResults> logger) : IHostedService, IDisposable
{
    /// <summary>The query-string parameter that pins a page to one scan's result (<c>/?scan=…</c>).</summary>
    public const string ScanQueryName = "scan";

    private IDisposable? _state;

    /// <summary>What the product shows now for every region, or null before anything is known.</summary>
    public ComplianceResult? Latest => compliance.LatestResult;

    /// <summary>
    /// The result a page shows: the scan <paramref name="scanId"/> when given (null once it is no longer retained),
    /// narrowed to <paramref name="regions"/>; otherwise the account state through those regions.
    /// </summary>
    public ComplianceResult? Resolve(string? scanId, ImmutableArray<string> regions)
    {
        if (!string.IsNullOrEmpty(scanId))
        {
            return compliance.FindResult(scanId)?.ForRegions(regions.IsDefault ? [] : regions);
        }

        return compliance.Current(regions.IsDefaultOrEmpty ? ScanScope.Everything : ScanScope.Everything.WithRegions(regions));
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        _state ??= compliance.SubscribeState(changed => _ = Task.Run(Prepare, CancellationToken.None));
        return Task.CompletedTask;
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _state?.Dispose();
        _state = null;
    }

    private void Prepare()
    {
        try
        {
            if (compliance.LatestResult is { } result)
            {
                _ = result.ViolationsByCost;
                _ = result.GapReport;
            }
        }
#pragma warning disable CA1031 // A failed warm-up only means the first visitor builds it; the page reports real errors.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPrepareFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing the overview of the account state failed")]
    private static partial void LogPrepareFailed(ILogger logger, Exception exception);
}
