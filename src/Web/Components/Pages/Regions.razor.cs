using System.Collections.Immutable;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Pages;

/// <summary>Every region of the shown result with its figures and status; each links to its region view.</summary>
public sealed partial class Regions
{
    private ImmutableArray<string> _regions = [];

    [SupplyParameterFromQuery(Name = RegionSelection.QueryName)]
    public string? RegionsQuery { get; set; }

    [SupplyParameterFromQuery(Name = DashboardResults.ScanQueryName)]
    public string? ScanId { get; set; }

    protected override void OnParametersSet()
    {
        var regions = RegionSelection.Parse(RegionsQuery);
        if (!regions.SequenceEqual(_regions))
        {
            _regions = regions;
        }
    }
}
