using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using FinOps.Web.Components.Controls;
using FinOps.Web.Components.Layout;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// The cost attribution page: the latest scan's spend for a period and metric, from total to gap,
/// per region, resource type and service, each figure with its provenance; where to start fixing; untagged spend per
/// tag key. Period, metric and regions live in the URL. Every figure is the domain's (<see cref="AttributionGapReport"/>).
/// </summary>
public sealed partial class Costs : IDisposable
{
    private CancellationTokenSource _cts = new();
    private ComplianceResult? _latest;
    private ScanJob? _job;
    private string? _scanFailure;
    private bool _loading = true;
    private string? _error;
    private string? _queryError;
    private string? _scopeError;
    private CostsView? _view;
    private ImmutableArray<string> _regions = [];
    private string _pendingPeriod = "";
    private CostMetric _pendingMetric;
    private BillingPeriod? _appliedPeriod;
    private CostMetric _appliedMetric;
    private string? _periodError;
    private string _waterfallScope = GapClosure.AllRegions;
    private string? _openFixRegion;

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required CostAttributionService CostAttribution { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>The region filter (<c>?regions=eu-west-1,us-east-1</c>); empty for every region.</summary>
    [SupplyParameterFromQuery(Name = RegionSelection.QueryName)]
    public string? RegionsQuery { get; set; }

    /// <summary>The billing period (<c>?period=2026-10</c>); empty for the last complete month.</summary>
    [SupplyParameterFromQuery(Name = "period")]
    public string? PeriodQuery { get; set; }

    /// <summary>The cost metric (<c>?metric=amortized</c>); empty for the scan's own.</summary>
    [SupplyParameterFromQuery(Name = "metric")]
    public string? MetricQuery { get; set; }

    /// <summary>Whether the app shows its dark theme (charts follow it), when the layout says so.</summary>
    [CascadingParameter(Name = MainLayout.DarkModeCascade)]
    public bool DarkMode { get; set; }

    private string OverallLabel => _regions.IsEmpty ? "All regions" : "All selected regions";

    private BillingPeriod? PendingPeriod =>
        CostAttribution.TryParsePeriod(_pendingPeriod, out var period, out _) ? period : null;

    private bool CanApply => ApplyBlockedBecause is null;

    /// <summary>Why "Show costs" is disabled, in words; null when it is enabled.</summary>
    private string? ApplyBlockedBecause =>
        _latest is null ? "There is no scan to price yet."
        : _loading ? "Fetching the costs; wait for them first."
        : _periodError is not null ? "Fix the billing period first."
        : PendingPeriod == _appliedPeriod && _pendingMetric == _appliedMetric ? "These costs are shown; choose another period or metric to fetch them."
        : null;

    /// <summary>What a refresh for the chosen period and metric costs: every Cost Explorer request is billed USD 0.01.</summary>
    private string EstimateText
    {
        get
        {
            if (_latest is null || PendingPeriod is not { } period)
            {
                return "";
            }

            var requests = CostAttribution.EstimateRequestCount(_latest, period, _pendingMetric);
            return requests == 0
                ? $"{period.Label}: no billable Cost Explorer request needed."
                : $"{period.Label}: {requests} Cost Explorer request{(requests == 1 ? "" : "s")} (USD 0.01 each, {DisplayFormat.Usd(requests)}).";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        await _cts.CancelAsync();
        _cts.Dispose();
        _cts = new CancellationTokenSource();
        var token = _cts.Token;
        _error = null;
        _queryError = null;
        (var scope, _scopeError) = await RegionSelection.CheckAsync(Compliance, RegionsQuery, token);
        _regions = scope.Regions;
        if (_scopeError is not null)
        {
            _loading = false;
            return;
        }

        if (_latest is null)
        {
            _job = AwaitingScan.RunningJob(Compliance);
            (_latest, _scanFailure) = await AwaitingScan.LatestResultAsync(Compliance, _job, token);
            if (token.IsCancellationRequested)
            {
                return;
            }

            _job = null;
            if (_latest is null)
            {
                _loading = false;
                return;
            }
        }
        else
        {
            _latest = Compliance.LatestResult ?? _latest;
        }

        var (period, metric) = ReadQuery(_latest);
        _appliedPeriod = period;
        _appliedMetric = metric;
        _pendingPeriod = period == BillingPeriod.LastCompleteMonth(CostAttribution.Today) ? "" : PeriodQuery?.Trim() ?? "";
        _pendingMetric = metric;
        _periodError = null;
        _loading = true;
        try
        {
            var (view, notes) = await CostAttribution.ViewAsync(_latest, period, metric, _regions, token);
            _view = new CostsView(
                AttributionGapReport.From(view, GapGrouping.Region, FixRanking.DefaultTop, notes),
                AttributionGapReport.From(view, GapGrouping.ResourceType, FixRanking.DefaultTop, notes),
                AttributionGapReport.From(view, GapGrouping.Service, FixRanking.DefaultTop, notes));
            if (_waterfallScope != GapClosure.AllRegions && ReferenceEquals(WaterfallRow(_view), WaterfallOverall(_view)))
            {
                _waterfallScope = GapClosure.AllRegions;
            }

            _loading = false;
        }
        catch (ResourceSourceException ex)
        {
            _error = ex.Message;
            _loading = false;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // A newer selection replaced this one; it shows its own figures.
        }
    }

    /// <summary>The period and metric in the URL; invalid ones are reported and replaced by the defaults.</summary>
    private (BillingPeriod Period, CostMetric Metric) ReadQuery(ComplianceResult latest)
    {
        var errors = new List<string>();
        if (!CostAttribution.TryParsePeriod(PeriodQuery, out var period, out var periodError))
        {
            errors.Add($"The period in the address is not valid ({periodError}); showing the last complete month.");
            period = CostAttribution.DefaultPeriod;
        }

        var metric = latest.Allocation.Snapshot.Metric;
        if (!string.IsNullOrWhiteSpace(MetricQuery))
        {
            if (CostWireNames.TryParseMetric(MetricQuery, out var parsed))
            {
                metric = parsed;
            }
            else
            {
                errors.Add($"The metric in the address is not valid ('{MetricQuery}'; accepted: unblended, amortized); showing {metric.ToWire()} cost.");
            }
        }

        _queryError = errors.Count == 0 ? null : string.Join(" ", errors);
        return (period, metric);
    }

    private void OnPeriodChanged(string value)
    {
        _pendingPeriod = value;
        _periodError = CostAttribution.TryParsePeriod(value, out _, out var error) ? null : error;
    }

    private void OnMetricChanged(CostMetric metric) => _pendingMetric = metric;

    private void OnWaterfallScopeChanged(string scope) => _waterfallScope = scope;

    /// <summary>Puts the chosen period and metric into the URL; the page then fetches and shows them.</summary>
    private void Apply()
    {
        var period = _pendingPeriod.Trim();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["period"] = period is "" or BillingPeriodPicker.LastMonth ? null : period,
            ["metric"] = _pendingMetric == CostMetric.Unblended ? null : _pendingMetric.ToWire(),
        }));
    }

    /// <summary>Waterfall choices for a resource type carry this prefix; region choices are the region's key.</summary>
    private const string TypeScopePrefix = "type:";

    /// <summary>The row the waterfall draws: a region's, a resource type's, or the whole selection's.</summary>
    private AttributionGapRow WaterfallRow(CostsView view) =>
        _waterfallScope.StartsWith(TypeScopePrefix, StringComparison.Ordinal)
            ? view.ByType.Rows.FirstOrDefault(r => r.Key == _waterfallScope[TypeScopePrefix.Length..]) ?? WaterfallOverall(view)
            : view.ByRegion.Rows.FirstOrDefault(r => r.Key == _waterfallScope) ?? WaterfallOverall(view);

    private static AttributionGapRow WaterfallOverall(CostsView view) => view.ByRegion.Overall;

    /// <summary>The fix plan of each region that has a gap, largest gap first (the table sorts them otherwise on request).</summary>
    private static List<GapClosure> FixRegions(AttributionGapReport report) =>
        [.. report.FixPlan.Regions.Where(r => r.GapCents > 0).OrderByDescending(r => r.GapCents).ThenBy(r => r.Scope, StringComparer.Ordinal)];

    /// <summary>Shows one region's resources under its row of the fix-plan table (or hides them again).</summary>
    private void ToggleFixRegion(string region) => _openFixRegion = _openFixRegion == region ? null : region;

    /// <summary>The optional breakdown columns with money in them in this report (the rest would be columns of zeros).</summary>
    private static List<GapColumn> OptionalColumns(AttributionGapReport report) => [.. GapColumn.All.Where(c => c.HasMoneyIn(report))];

    private string ResourceLink(string arn) => RegionSelection.Link("resources/" + Uri.EscapeDataString(arn), _regions);

    private static string MetricLabel(CostMetric metric) => metric == CostMetric.Amortized ? "Amortized" : "Unblended";

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }

    /// <summary>The latest scan's figures for the applied period, metric and regions, in the three breakdowns.</summary>
    private sealed record CostsView(AttributionGapReport ByRegion, AttributionGapReport ByType, AttributionGapReport ByService);
}
