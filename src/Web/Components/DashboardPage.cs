using System.Collections.Immutable;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components;

/// <summary>
/// A page of the dashboard's result: reads the region filter (<c>?regions=</c>) and a pinned scan (<c>?scan=</c>) from
/// the URL. Pages inherit it (<c>@inherits DashboardPage</c>) and pass <see cref="RegionFilter"/> and
/// <see cref="ScanId"/> to <see cref="Controls.ResultView"/>.
/// </summary>
public abstract class DashboardPage : ComponentBase
{
    [SupplyParameterFromQuery(Name = RegionSelection.QueryName)]
    public string? RegionsQuery { get; set; }

    [SupplyParameterFromQuery(Name = DashboardResults.ScanQueryName)]
    public string? ScanId { get; set; }

    /// <summary>The filter's regions, sorted (empty: every region); the same instance while the filter is unchanged.</summary>
    protected ImmutableArray<string> RegionFilter { get; private set; } = [];

    protected override void OnParametersSet()
    {
        var regions = RegionSelection.Parse(RegionsQuery);
        if (!regions.SequenceEqual(RegionFilter))
        {
            RegionFilter = regions;
        }
    }
}
