using System.ComponentModel.DataAnnotations;

namespace FinOps.Web.Hosting;

/// <summary>Dashboard settings (section <c>FinOps:Dashboard</c>), validated at start-up.</summary>
public sealed class DashboardOptions
{
    public const string Section = "FinOps:Dashboard";

    /// <summary>The lowest and highest <see cref="TargetScore"/> accepted, in percent.</summary>
    public const double LowestTarget = 1, HighestTarget = 100;

    /// <summary>Start a scan of every cost-generating type in every enabled region when the app starts, so the first visitor sees data.</summary>
    public bool ScanOnStartup { get; set; } = true;

    /// <summary>
    /// The compliance score the organisation aims for, in percent: scores at or above it read as met, scores below it
    /// as missed, on the overview's headline and charts.
    /// </summary>
    [Range(LowestTarget, HighestTarget, ErrorMessage = Section + ":TargetScore must be a percentage from {1} to {2}, e.g. 90 (the default) or 92.5.")]
    public double TargetScore { get; set; } = 90;
}
