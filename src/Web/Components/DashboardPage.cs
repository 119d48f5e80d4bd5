using System.Collections.Immutable;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components;

/// <summary>
/// A page of the dashboard's result: reads the scope (<c>?regions=</c>) and a pinned scan (<c>?scan=</c>) from the URL,
/// parsed by the one rule every door uses (<see cref="ScanScope.FromQuery"/>). Pages inherit it
/// (<c>@inherits DashboardPage</c>) and pass <see cref="Scope"/> and <see cref="ScanId"/> to <see cref="Controls.ResultView"/>.
/// </summary>
public abstract class DashboardPage : ComponentBase
{
    [SupplyParameterFromQuery(Name = RegionSelection.QueryName)]
    public string? RegionsQuery { get; set; }

    [SupplyParameterFromQuery(Name = DashboardResults.ScanQueryName)]
    public string? ScanId { get; set; }

    /// <summary>The scope of the URL (every region when the filter is invalid; see <see cref="ScopeError"/>).</summary>
    protected ScanScope Scope { get; private set; } = ScanScope.Everything;

    /// <summary>Why the URL's region filter was refused, or null.</summary>
    protected string? ScopeError { get; private set; }

    /// <summary>The filter's regions, sorted (empty: every region); the same instance while the filter is unchanged.</summary>
    protected ImmutableArray<string> RegionFilter => Scope.Regions;

    protected override void OnParametersSet()
    {
        var (scope, error) = RegionSelection.ParseScope(RegionsQuery);
        ScopeError = error;
        if (!scope.Equals(Scope))
        {
            Scope = scope;
        }
    }
}
