using FinOps.Domain.Scanning;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// How a compliance score reads against the organisation's target (<c>FinOps:Dashboard:TargetScore</c>): met, close
/// (within <see cref="CloseMargin"/> points below) or missed. A score with nothing in scope is not judged.
/// </summary>
/// <param name="Percent">The target, in percent.</param>
public sealed record ScoreTarget(double Percent)
{
    /// <summary>Points below the target that still read as close rather than missed.</summary>
    public const double CloseMargin = 10;

    /// <summary>The colour of a score: success when met, warning when close, error when missed; none with nothing in scope.</summary>
    public Color ColorOf(ComplianceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.NothingInScope ? Color.Default
            : summary.ScorePercent >= Percent ? Color.Success
            : summary.ScorePercent >= Percent - CloseMargin ? Color.Warning
            : Color.Error;
    }

    /// <summary>The chart colour of a score (the theme's success, warning or error, as ApexCharts needs a literal).</summary>
    public string ChartColorOf(double scorePercent, bool dark) =>
        scorePercent >= Percent ? (dark ? "#66bb6a" : "#2e7d32")
        : scorePercent >= Percent - CloseMargin ? (dark ? "#ffa726" : "#ed6c02")
        : (dark ? "#ef5350" : "#c62828");

    /// <summary>"Meets the 90.0% target" / "Below the 90.0% target"; "Target 90.0%" with nothing in scope.</summary>
    public string Describe(ComplianceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var target = $"the {DisplayFormat.PercentValue(Percent)} target";
        return summary.NothingInScope ? "Target " + DisplayFormat.PercentValue(Percent)
            : summary.ScorePercent >= Percent ? "Meets " + target
            : "Below " + target;
    }
}
