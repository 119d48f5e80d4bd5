using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FinOps.Domain.Costs;
using FinOps.Domain.Scanning;

namespace FinOps.Web.Components;

/// <summary>
/// The result every dashboard page shows: the most recent completed scan (or one scan by id), narrowed to the region
/// filter. One instance serves every circuit, so a result is shared, never copied per user; narrowed views and the
/// gap reports built from them are kept for the few filters in use. When a scan finishes, what the overview needs of
/// its result (gap report, cost ranking) is built in the background, so no visitor waits for it (it runs as a hosted
/// service for that: from start-up it listens for finished scans).
/// </summary>
public sealed partial class DashboardResults : IHostedService, IDisposable
{
    /// <summary>The query-string parameter that pins a page to one scan's result (<c>/?scan=…</c>).</summary>
    public const string ScanQueryName = "scan";

    private const int MaxViews = 32;
    private readonly ComplianceService _compliance;
    private readonly ILogger<DashboardResults> _logger;
    private IDisposable? _jobs;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string ScanId, string Regions), ComplianceResult> _views = [];

    // Keyed by the result instance, so a report lives exactly as long as the view it describes.
    private readonly ConditionalWeakTable<ComplianceResult, AttributionGapReport> _gapReports = [];

    public DashboardResults(ComplianceService compliance, ILogger<DashboardResults> logger)
    {
        _compliance = compliance;
        _logger = logger;
    }

    /// <summary>The latest completed result, whole.</summary>
    public ComplianceResult? Latest => _compliance.LatestResult;

    /// <summary>The latest result narrowed to <paramref name="regions"/> (empty: the whole result), or null before any scan.</summary>
    public ComplianceResult? Current(ImmutableArray<string> regions) => Latest is { } latest ? Narrow(latest, regions) : null;

    /// <summary>
    /// The result a page shows: the scan <paramref name="scanId"/> when given (null once it is no longer retained),
    /// otherwise the latest; narrowed to <paramref name="regions"/>.
    /// </summary>
    public ComplianceResult? Resolve(string? scanId, ImmutableArray<string> regions)
    {
        var result = string.IsNullOrEmpty(scanId) ? Latest : _compliance.FindResult(scanId);
        return result is null ? null : Narrow(result, regions);
    }

    /// <summary>A result narrowed to regions, reusing a view built earlier for the same filter.</summary>
    public ComplianceResult Narrow(ComplianceResult result, ImmutableArray<string> regions)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (regions.IsDefaultOrEmpty)
        {
            return result;
        }

        var key = (result.ScanId, string.Join(',', regions));
        lock (_gate)
        {
            if (_views.TryGetValue(key, out var view))
            {
                return view;
            }
        }

        var narrowed = result.ForRegions(regions);
        lock (_gate)
        {
            if (_views.Count >= MaxViews)
            {
                _views.Clear();
            }

            _views[key] = narrowed;
        }

        return narrowed;
    }

    /// <summary>The attribution gap of a view by region, each figure with its provenance; built once per view and shared.</summary>
    public AttributionGapReport GapReport(ComplianceResult view) =>
        _gapReports.GetValue(view, static v => AttributionGapReport.From(v));

    /// <summary>Builds the shared parts of a result's overview ahead of the first visitor.</summary>
    public void Prepare(ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            _ = result.ViolationsByCost;
            GapReport(result);
        }
#pragma warning disable CA1031 // A failed warm-up only means the first visitor builds it; the page reports real errors.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPrepareFailed(_logger, result.ScanId, ex);
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        _jobs ??= _compliance.SubscribeJobs(job =>
        {
            if (job.IsFinished && job.Current.Result is { } result)
            {
                _ = Task.Run(() => Prepare(result), CancellationToken.None);
            }
        });
        return Task.CompletedTask;
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _jobs?.Dispose();
        _jobs = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing the overview of scan {ScanId} failed")]
    private static partial void LogPrepareFailed(ILogger logger, string scanId, Exception exception);
}
