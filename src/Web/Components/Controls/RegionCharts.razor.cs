using FinOps.Domain.Scanning;
using FinOps.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// Bar charts of the score and the gap per region of a view; clicking a bar selects its region. Failed regions are
/// left out of both (they have no figures), and regions with nothing in scope out of the score chart (no score).
/// </summary>
public sealed partial class RegionCharts
{
    private ComplianceResult? _builtFor;
    private bool _builtDark;
    private List<string> _scoreRegions = [];
    private List<string> _gapRegions = [];
    private List<string> _nothingInScope = [];
    private List<string> _failed = [];
    private object? _scoreOptions;
    private object? _gapOptions;

    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    [Parameter]
    public EventCallback<string> OnRegionSelected { get; set; }

    [CascadingParameter(Name = MainLayout.DarkModeCascade)]
    public bool DarkMode { get; set; }

    protected override void OnParametersSet()
    {
        // Options are rebuilt only when the data or the theme changes: a new options object redraws the chart.
        if (ReferenceEquals(_builtFor, Result) && _builtDark == DarkMode)
        {
            return;
        }

        var scored = Result.Regions.Where(r => r.Status == RegionScanStatus.Succeeded && !r.Summary.NothingInScope).ToList();
        var succeeded = Result.Regions.Where(r => r.Status == RegionScanStatus.Succeeded).ToList();
        _scoreRegions = [.. scored.Select(r => r.Region)];
        _gapRegions = [.. succeeded.Select(r => r.Region)];
        _failed = [.. Result.Regions.Where(r => r.Status != RegionScanStatus.Succeeded).Select(r => r.Region)];
        _nothingInScope = [.. succeeded.Where(r => r.Summary.NothingInScope).Select(r => r.Region)];
        var primary = DarkMode ? "#4fb39a" : "#1e6f5c";
        var secondary = DarkMode ? "#f6ad55" : "#c05621";
        _scoreOptions = ChartOptions.Bar("Score", _scoreRegions, [.. scored.Select(r => r.Summary.ScorePercent)],
            ChartValueFormat.Percent, DarkMode, primary, max: 100);
        _gapOptions = ChartOptions.Bar("Gap", _gapRegions, [.. succeeded.Select(r => r.Summary.GapCents / 100.0)],
            ChartValueFormat.Usd, DarkMode, secondary);
        _builtFor = Result;
        _builtDark = DarkMode;
    }

    private Task SelectAsync(List<string> regions, int index) =>
        index >= 0 && index < regions.Count && OnRegionSelected.HasDelegate
            ? OnRegionSelected.InvokeAsync(regions[index])
            : Task.CompletedTask;
}
