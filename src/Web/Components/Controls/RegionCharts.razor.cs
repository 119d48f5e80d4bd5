using FinOps.Domain.Scanning;
using FinOps.Web.Components.Layout;
using FinOps.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// Horizontal bar charts of the score and the gap per region of a view, worst first, so the regions to act on are at
/// the top; clicking a bar selects its region. Score bars take the colour of the score against the target, which is
/// drawn across them, and the score axis starts near the lowest score rather than at zero, so differences show.
/// Failed regions are left out of both (they have no figures), and regions with nothing in scope out of the score
/// chart (no score).
/// </summary>
public sealed partial class RegionCharts
{
    /// <summary>Room left below the lowest score on the score axis, in points.</summary>
    private const double ScoreAxisMargin = 10;

    private ComplianceResult? _builtFor;
    private bool _builtDark;
    private List<string> _scoreRegions = [];
    private List<string> _gapRegions = [];
    private List<string> _nothingInScope = [];
    private List<string> _failed = [];
    private object? _scoreOptions;
    private object? _gapOptions;

    [Inject]
    public required IOptions<DashboardOptions> Options { get; init; }

    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    [Parameter]
    public EventCallback<string> OnRegionSelected { get; set; }

    [CascadingParameter(Name = MainLayout.DarkModeCascade)]
    public bool DarkMode { get; set; }

    private ScoreTarget Target => new(Options.Value.TargetScore);

    protected override void OnParametersSet()
    {
        // Options are rebuilt only when the data or the theme changes: a new options object redraws the chart.
        if (ReferenceEquals(_builtFor, Result) && _builtDark == DarkMode)
        {
            return;
        }

        var succeeded = Result.Regions.Where(r => r.Status == RegionScanStatus.Succeeded).ToList();
        var scored = succeeded.Where(r => !r.Summary.NothingInScope)
            .OrderBy(r => r.Summary.ScorePercent).ThenBy(r => r.Region, StringComparer.Ordinal).ToList();
        var byGap = succeeded.OrderByDescending(r => r.Summary.GapCents).ThenBy(r => r.Region, StringComparer.Ordinal).ToList();
        _scoreRegions = [.. scored.Select(r => r.Region)];
        _gapRegions = [.. byGap.Select(r => r.Region)];
        _failed = [.. Result.Regions.Where(r => r.Status != RegionScanStatus.Succeeded).Select(r => r.Region)];
        _nothingInScope = [.. succeeded.Where(r => r.Summary.NothingInScope).Select(r => r.Region)];

        var target = Target;
        var (low, high) = ScoreAxis(scored.Select(r => r.Summary.ScorePercent), target.Percent);
        _scoreOptions = ChartOptions.HorizontalBars("Score",
            [.. scored.Select(r => new ChartBar(r.Region, r.Summary.ScorePercent, target.ChartColorOf(r.Summary.ScorePercent, DarkMode)))],
            ChartValueFormat.Percent, DarkMode, low, high,
            new ChartTargetLine(target.Percent, "Target " + DisplayFormat.PercentValue(target.Percent), DarkMode ? "#90a4ae" : "#455a64"),
            valueLabels: true, valueTicks: (int)Math.Max(1, (high - low) / 20));
        var gapColor = DarkMode ? "#f6ad55" : "#c05621";
        _gapOptions = ChartOptions.HorizontalBars("Gap",
            [.. byGap.Select(r => new ChartBar(r.Region, r.Summary.GapCents / 100.0, gapColor))],
            ChartValueFormat.Usd, DarkMode, min: 0);
        _builtFor = Result;
        _builtDark = DarkMode;
    }

    /// <summary>
    /// The score axis: from a round ten at least <see cref="ScoreAxisMargin"/> points below the lowest score (never
    /// below 0) to a round ten above the highest score and the target (never above 100).
    /// </summary>
    internal static (double Min, double Max) ScoreAxis(IEnumerable<double> scores, double target)
    {
        var list = scores.ToList();
        if (list.Count == 0)
        {
            return (0, 100);
        }

        var min = Math.Max(0, Math.Floor((list.Min() - ScoreAxisMargin) / 10) * 10);
        var max = Math.Min(100, Math.Ceiling((Math.Max(list.Max(), target) + ScoreAxisMargin) / 10) * 10);
        return (min, Math.Max(max, min + 10));
    }

    private Task SelectAsync(List<string> regions, int index) =>
        index >= 0 && index < regions.Count && OnRegionSelected.HasDelegate
            ? OnRegionSelected.InvokeAsync(regions[index])
            : Task.CompletedTask;
}
