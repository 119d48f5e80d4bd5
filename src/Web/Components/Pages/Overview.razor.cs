using FinOps.Domain.Scanning;
using FinOps.Web.Links;
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

    private static string ScopeLine(ComplianceResult view)
    {
        return $"{view.Account.DisplayName} · {DisplayFormat.RegionScope(view.Regions)} · " +
            $"{DisplayFormat.Count(view.Types.Length)} resource types · costs for {view.CostPeriod.Label}";
    }
}
