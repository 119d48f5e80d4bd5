using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>What a result can be trusted for: status, failed and skipped regions, discovery fallback, tagged-only coverage, notes.</summary>
public sealed partial class DataQualityPanel
{
    private List<string> _taggedOnly = [];

    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    [Parameter]
    public bool ShowTitle { get; set; } = true;

    private string Summary
    {
        get
        {
            var m = Result.RegionMetadata;
            return $"{DisplayFormat.Count(m.SuccessfulRegions.Length)} of {DisplayFormat.Count(m.TotalRegions)} regions scanned successfully" +
                (m.FailedRegions.IsEmpty ? "." : $"; {DisplayFormat.Count(m.FailedRegions.Length)} failed.");
        }
    }

    protected override void OnParametersSet() => _taggedOnly = [.. Result.DataQuality.TaggedOnlyTypes];
}
