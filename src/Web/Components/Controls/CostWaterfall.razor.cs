using FinOps.Domain.Costs;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// Draws one row of the attribution gap as a waterfall (ApexCharts range bars): total spend, then what is taken off
/// — untaggable, unallocated, out of scope, attributable — down to the gap. The amounts are the domain's figures;
/// the control only stacks them for drawing.
/// </summary>
public sealed partial class CostWaterfall
{
    private const string TotalColor = "#455a64";
    private const string UntaggableColor = "#8d6e63";
    private const string UnallocatedColor = "#9e9e9e";
    private const string OutOfScopeColor = "#78909c";
    private const string AttributableColor = "#2e7d32";
    private const string GapColor = "#c62828";
    private const string WaivedColor = "#f9a825";

    private object _options = new();
    private AttributionGapRow? _drawn;
    private bool _drawnDark;

    /// <summary>The row to draw (a region, or the whole view).</summary>
    [Parameter, EditorRequired]
    public required AttributionGapRow Row { get; set; }

    [Parameter]
    public bool Dark { get; set; }

    [Parameter]
    public string TestId { get; set; } = "waterfall";

    /// <summary>The steps in drawing order, each with the figure it shows.</summary>
    /// <remarks>The waived step appears only when some spend is waived.</remarks>
    private IEnumerable<WaterfallStep> Steps =>
        [
            new("total", "Total spend", "", Row.Total, TotalColor),
            new("untaggable", "Untaggable", "−", Row.Untaggable, UntaggableColor),
            new("unallocated", "Unallocated", "−", Row.Unallocated, UnallocatedColor),
            new("out_of_scope", "Out of scope", "−", Row.OutOfScope, OutOfScopeColor),
            new("attributable", "Attributable", "−", Row.Attributable, AttributableColor),
            .. Row.WaivedCents == 0 && Row.Waived == 0 ? (WaterfallStep[])[] : [new("waived", "Waived", "−", Row.WaivedFigure, WaivedColor)],
            new("gap", "Attribution gap", "=", Row.Gap, GapColor),
        ];

    protected override void OnParametersSet()
    {
        // A new options object makes the chart redraw, so build one only when the row or theme changed.
        if (ReferenceEquals(_drawn, Row) && _drawnDark == Dark)
        {
            return;
        }

        _drawn = Row;
        _drawnDark = Dark;
        var bars = new List<(string Label, double Start, double End, string Color)>();
        var level = Row.Total.Cents;
        foreach (var step in Steps)
        {
            switch (step.Key)
            {
                case "total":
                    bars.Add((step.Label, 0, Usd(level), step.Color));
                    break;
                case "gap":
                    bars.Add((step.Label, 0, Usd(step.Figure.Cents), step.Color));
                    break;
                default:
                    bars.Add((step.Label, Usd(level - step.Figure.Cents), Usd(level), step.Color));
                    level -= step.Figure.Cents;
                    break;
            }
        }

        _options = ChartOptions.Waterfall("Spend", bars, Dark);
    }

    private static double Usd(long cents) => (double)Money.ToUsd(cents);

    private sealed record WaterfallStep(string Key, string Label, string Sign, CostFigure Figure, string Color);
}
