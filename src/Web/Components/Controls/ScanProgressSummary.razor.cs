using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>A compact view of a running scan (for pages waiting for their first result), linking to the scan page.</summary>
public sealed partial class ScanProgressSummary
{
    private int _finished;
    private int _failed;

    [Parameter, EditorRequired]
    public required ScanJobSnapshot Snapshot { get; set; }

    [Parameter]
    public string Title { get; set; } = "Scanning every enabled region…";

    protected override void OnParametersSet()
    {
        _finished = Snapshot.Regions.Count(r => r.IsFinished);
        _failed = Snapshot.Regions.Count(r => r.Status == RegionScanStatus.Failed);
    }
}
