using System.Collections.Immutable;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// The violations of a result in a server-paged grid: each page, sort and filter is one <see cref="ViolationQuery.Page"/>
/// call, so only the rows of the page on screen ever reach the browser, however many violations the result holds.
/// </summary>
public sealed partial class ViolationsGrid
{
    private static readonly int[] PageSizes = [25, 50, 100];

    private MudDataGrid<Violation>? _grid;
    private ViolationPage? _page;
    private ComplianceResult? _shownResult;
    private ViolationFilter? _shownFilter;

    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    [Parameter, EditorRequired]
    public required ViolationFilter Filter { get; set; }

    /// <summary>The region filter, kept in the links to resources.</summary>
    [Parameter]
    public ImmutableArray<string> Regions { get; set; } = [];

    /// <summary>The last page the grid asked for and what it got (for the count and for tests).</summary>
    public ViolationPageRequest? LastRequest { get; private set; }

    /// <summary>The grid column a sort definition names, as the domain's sort order.</summary>
    public static ViolationSort SortFor(string? column) => column switch
    {
        nameof(Violation.ResourceName) => ViolationSort.ResourceName,
        nameof(Violation.ResourceType) => ViolationSort.ResourceType,
        nameof(Violation.Region) => ViolationSort.Region,
        nameof(Violation.TagKey) => ViolationSort.TagKey,
        nameof(Violation.Kind) => ViolationSort.Kind,
        nameof(Violation.Severity) => ViolationSort.Severity,
        nameof(Violation.Arn) => ViolationSort.Arn,
        _ => ViolationSort.CostAtStake,
    };

    protected override async Task OnParametersSetAsync()
    {
        var resultChanged = !ReferenceEquals(_shownResult, Result);
        var filterChanged = _shownFilter is not null && !_shownFilter.Equals(Filter);
        _shownResult = Result;
        _shownFilter = Filter;
        if (_grid is null || !(resultChanged || filterChanged))
        {
            return;
        }

        // A new filter starts again from the first page; a new result (scan, region filter) too.
        if (_grid.CurrentPage != 0)
        {
            _grid.NavigateTo(Page.First);
        }
        else
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<Violation>> LoadAsync(GridState<Violation> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var request = new ViolationPageRequest(Result, Filter, SortFor(sort?.SortBy), sort?.Descending ?? true,
            state.Page * state.PageSize, Math.Clamp(state.PageSize, 1, ViolationQuery.MaxPageSize));

        // A first sort of a large result takes a moment; off the circuit's thread so the page stays responsive.
        var page = await Task.Run(() => request.Run(), cancellationToken);
        LastRequest = request;
        _page = page;
        return new GridData<Violation> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private string ResourceLink(string arn) => RegionSelection.Link($"resources/{Uri.EscapeDataString(arn)}", Regions);

    // Types break after the service ("elasticloadbalancing:" / "loadbalancer") rather than anywhere.
    private static string TypeService(string type) => type[..(type.IndexOf(':', StringComparison.Ordinal) + 1)];

    private static string TypeKind(string type) => type[(type.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string ShortId(string arn) => Arn.TryParse(arn, out var parsed, out _) ? parsed.ResourceId : arn;
}
