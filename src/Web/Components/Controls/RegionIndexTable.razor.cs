using System.Collections.Immutable;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// Every region of the account with its opt-in status, how its last scan went, score, violations, gap and spend,
/// sortable by any column; regions the result does not cover (not opted in, not allowed) are listed and say why.
/// </summary>
public sealed partial class RegionIndexTable
{
    /// <summary>Sorts after every real value (regions without a figure go last when ascending).</summary>
    private const string Last = "\uffff";

    /// <summary>The shown result (narrowed to the filter).</summary>
    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    /// <summary>The account's regions with their opt-in status (empty while unknown).</summary>
    [Parameter]
    public ImmutableArray<AccountRegion> AccountRegions { get; set; } = [];

    /// <summary>The region filter, kept in the region links and narrowing the list.</summary>
    [Parameter]
    public ImmutableArray<string> Regions { get; set; } = [];

    private IReadOnlyList<RegionIndexRow> Rows { get; set; } = [];

    protected override void OnParametersSet()
    {
        var known = AccountRegions.IsDefault ? [] : AccountRegions;
        var optIn = known.ToDictionary(r => r.Name, r => new RegionInfo(r.Name, r.OptInStatus).OptInStatusText, StringComparer.Ordinal);
        var shown = Result.Regions.Select(r => new RegionIndexRow(r.Region,
            r.Region == ResourceCatalogue.GlobalRegion ? null : optIn.GetValueOrDefault(r.Region), r, null));
        var covered = Result.Regions.Select(r => r.Region).ToHashSet(StringComparer.Ordinal);
        var notScanned = known
            .Where(r => !covered.Contains(r.Name) && (Regions.IsDefaultOrEmpty || Regions.Contains(r.Name)))
            .Select(r => new RegionIndexRow(r.Name, optIn[r.Name], null,
                !r.IsEnabled ? "not enabled for this account" : !r.IsAllowed ? "excluded by the settings" : "not part of this scan"));
        Rows = [.. shown.Concat(notScanned).OrderBy(r => r.Region, StringComparer.Ordinal)];
    }

    private string RegionLink(string region) => RegionSelection.Link($"regions/{Uri.EscapeDataString(region)}", Regions);

    private static string StatusText(RegionIndexRow row) => row.Figures is { } f ? f.Status.ToString() : "~not scanned";

    /// <summary>Regions without a score sort below every score.</summary>
    private static double ScoreKey(RegionIndexRow row) =>
        row.Figures is { Status: RegionScanStatus.Succeeded, Summary: { NothingInScope: false } summary } ? summary.ScorePercent : -1;
}
