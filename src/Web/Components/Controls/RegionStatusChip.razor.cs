using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>A region's scan state: queued, running, retrying n, succeeded, failed, cancelled or skipped.</summary>
public sealed partial class RegionStatusChip
{
    [Parameter, EditorRequired]
    public required RegionScanStatus Status { get; set; }

    /// <summary>While retrying: which retry (1-based).</summary>
    [Parameter]
    public int RetryAttempt { get; set; }

    /// <summary>Why it is retrying or failed (shown as a tooltip).</summary>
    [Parameter]
    public string? Reason { get; set; }

    /// <summary>The state as people read it ("retrying 2").</summary>
    public static string Describe(RegionScanStatus status, int retryAttempt = 0) => status switch
    {
        RegionScanStatus.Retrying => retryAttempt > 0 ? $"retrying {retryAttempt}" : "retrying",
        _ => status.ToString().ToLowerInvariant(),
    };

    private string Text => Describe(Status, RetryAttempt);

    private Color Color => Status switch
    {
        RegionScanStatus.Succeeded => Color.Success,
        RegionScanStatus.Failed => Color.Error,
        RegionScanStatus.Retrying => Color.Warning,
        RegionScanStatus.Running => Color.Info,
        _ => Color.Default,
    };

    private string Icon => Status switch
    {
        RegionScanStatus.Succeeded => Icons.Material.Filled.CheckCircle,
        RegionScanStatus.Failed => Icons.Material.Filled.Error,
        RegionScanStatus.Retrying => Icons.Material.Filled.Replay,
        RegionScanStatus.Running => Icons.Material.Filled.Sync,
        RegionScanStatus.Cancelled => Icons.Material.Filled.Cancel,
        RegionScanStatus.Skipped => Icons.Material.Filled.NotInterested,
        _ => Icons.Material.Filled.Schedule,
    };
}
