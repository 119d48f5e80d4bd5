using FinOps.Web.Links;
using FinOps.Domain.History;
using FinOps.Domain.Scanning;
using FinOps.Web.Components.Controls;
using FinOps.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// How the score, the gap, the violations and the resources in scope moved over the kept scans: overall, per region or
/// per type, over a window, through the region filter (<c>?regions=</c>, <c>?group=</c>, <c>?days=</c>). Policy changes
/// are marked on every chart. Every figure comes from <see cref="HistoryService"/>; redraws when a scan is saved.
/// </summary>
public sealed partial class Trends : IDisposable
{
    public const string GroupQueryName = "group";
    public const string DaysQueryName = "days";

    /// <summary>The windows offered, in days.</summary>
    internal static readonly int[] Windows = [7, 30, 90, 365];

    private const int DefaultDays = 30;

    private string? _scopeError;
    private string? _loadError;
    private FigureDimension _grouping = FigureDimension.Overall;
    private int _days = DefaultDays;
    private TrendSeries? _series;
    private int _lineCount;
    private List<(string Title, string TestId, object Options)> _charts = [];
    private (string? Regions, FigureDimension Grouping, int Days, string? Saved)? _loadedFor;
    private bool _chartsDark;

    [Inject]
    public required HistoryService History { get; init; }

    [Inject]
    public required HistoryRecorder Recorder { get; init; }

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = GroupQueryName)]
    public string? GroupQuery { get; set; }

    [SupplyParameterFromQuery(Name = DaysQueryName)]
    public string? DaysQuery { get; set; }

    [CascadingParameter(Name = MainLayout.DarkModeCascade)]
    public bool DarkMode { get; set; }

    /// <summary>The wire name of a grouping in the URL.</summary>
    internal static string GroupName(FigureDimension grouping) => grouping switch
    {
        FigureDimension.Region => "region",
        FigureDimension.ResourceType => "type",
        _ => "overall",
    };

    private string Summary =>
        $"{DisplayFormat.Count(_series!.Points.Select(p => p.ScanId).Distinct().Count())} kept scans in the last {_days} days · " +
        $"{DisplayFormat.Count(_series.PolicyChanges.Length)} policy change{(_series.PolicyChanges.Length == 1 ? "" : "s")} · " +
        (RegionFilter.IsDefaultOrEmpty ? "every region" : string.Join(", ", RegionFilter));

    protected override void OnInitialized() => Recorder.StatusChanged += OnHistoryChanged;

    protected override async Task OnParametersSetAsync()
    {
        _grouping = GroupQuery?.Trim().ToLowerInvariant() switch
        {
            "region" => FigureDimension.Region,
            "type" => FigureDimension.ResourceType,
            _ => FigureDimension.Overall,
        };
        _days = int.TryParse(DaysQuery, out var days) && Windows.Contains(days) ? days : DefaultDays;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var key = (RegionsQuery, _grouping, _days, Recorder.Status.LastSavedScanId);
        if (_loadedFor == key)
        {
            // Only the theme may have changed: the charts are redrawn from the series already read.
            if (_series is not null && _chartsDark != DarkMode)
            {
                _chartsDark = DarkMode;
                _charts = BuildCharts(_series, DarkMode, out _lineCount);
            }

            return;
        }

        _loadedFor = key;
        _scopeError = ScopeError ?? (await RegionSelection.CheckAsync(Compliance, RegionsQuery, CancellationToken.None)).Error;
        if (_scopeError is not null)
        {
            _series = null;
            return;
        }

        try
        {
            _series = await History.ScopeTrendAsync(Scope, _grouping, TimeSpan.FromDays(_days), CancellationToken.None);
            _loadError = null;
        }
        catch (HistoryUnavailableException ex)
        {
            _loadError = $"History cannot be read: {History.ForCallers(ex.Message)}";
            _series = null;
            return;
        }

        _chartsDark = DarkMode;
        _charts = BuildCharts(_series, DarkMode, out _lineCount);
    }

    /// <summary>The four charts' options: one line per key of the series, policy changes as marks.</summary>
    internal static List<(string Title, string TestId, object Options)> BuildCharts(TrendSeries series, bool dark, out int lineCount)
    {
        var byKey = series.Points.GroupBy(p => p.Figures.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        lineCount = byKey.Count;
        var marks = series.PolicyChanges.Select(c => new ChartTimeMark(c.At, "Policy " + c.ToVersion)).ToList();

        List<ChartLine> Lines(Func<TrendFigures, double?> value) =>
            [.. byKey.Select(g => new ChartLine(g.Key == TrendFigures.OverallKey ? "Overall" : g.Key,
                [.. g.OrderBy(p => p.At).Select(p => (p.At, p.Figures.Measured ? value(p.Figures) : null))]))];

        return
        [
            ("Compliance score", "score-trend-chart",
                ChartOptions.TimeLines(Lines(f => f.Score * 100), marks, ChartValueFormat.Percent, dark, min: 0, max: 100)),
            ("Cost attribution gap", "gap-trend-chart",
                ChartOptions.TimeLines(Lines(f => f.GapCents / 100.0), marks, ChartValueFormat.Usd, dark, min: 0)),
            ("Violations", "violations-trend-chart",
                ChartOptions.TimeLines(Lines(f => f.Violations), marks, ChartValueFormat.Count, dark, min: 0)),
            ("Resources in scope", "in-scope-trend-chart",
                ChartOptions.TimeLines(Lines(f => f.InScope), marks, ChartValueFormat.Count, dark, min: 0)),
        ];
    }

    private void OnHistoryChanged(HistoryStatus status) => _ = InvokeAsync(async () =>
    {
        if (_loadedFor is { } loaded && loaded.Saved != status.LastSavedScanId)
        {
            await LoadAsync();
            StateHasChanged();
        }
    });

    private Task ChangeGroupingAsync(FigureDimension grouping)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(GroupQueryName, grouping == FigureDimension.Overall ? null : GroupName(grouping)));
        return Task.CompletedTask;
    }

    private Task ChangeDaysAsync(int days)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(DaysQueryName, days == DefaultDays ? null : (int?)days));
        return Task.CompletedTask;
    }

    public void Dispose() => Recorder.StatusChanged -= OnHistoryChanged;
}
