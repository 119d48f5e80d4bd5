using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// The landing page: headline figures, score and gap per region (charts and table), the violations with the most
/// cost at stake and the data quality of the latest scan (or <c>?scan=</c>), narrowed to the region filter.
/// </summary>
public sealed partial class Overview
{
    [Inject]
    public required DashboardResults Results { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    private void OpenRegion(string region) =>
        Navigation.NavigateTo(RegionSelection.Link($"regions/{Uri.EscapeDataString(region)}", RegionFilter));

    private static string Scope(ComplianceResult view)
    {
        // "global" is a row of the breakdown, not a region: counted apart, as the data-quality panel counts regions.
        var global = view.Regions.Any(r => r.Region == ResourceCatalogue.GlobalRegion);
        var regions = view.Regions.Length - (global ? 1 : 0);
        return $"{view.Account.DisplayName} · {DisplayFormat.Count(regions)} region{(regions == 1 ? "" : "s")}{(global ? " and global" : "")} · " +
            $"{DisplayFormat.Count(view.Types.Length)} resource types · costs for {view.CostPeriod.Label}";
    }
}
