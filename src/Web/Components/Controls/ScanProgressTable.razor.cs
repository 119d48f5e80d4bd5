using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>One live row per region of a scan job: state, resources, violations, retries, elapsed, and why it retries or failed.</summary>
public sealed partial class ScanProgressTable
{
    [Parameter, EditorRequired]
    public required ScanJobSnapshot Snapshot { get; set; }
}
