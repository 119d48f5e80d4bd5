using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// One region of the shown result: its headline figures, score by resource type, most common missing required tags,
/// top violations and data quality; a failed region says why, an unknown region says so.
/// </summary>
public sealed partial class RegionView
{
    private ImmutableArray<string> _thisRegion = [];
    private List<BreadcrumbItem> _breadcrumbs = [];
    private (ComplianceResult View, IReadOnlyList<TypeRow> Rows)? _types;

    [Inject]
    public required DashboardResults Results { get; init; }

    [Parameter, EditorRequired]
    public required string Region { get; set; }

    protected override void OnParametersSet()
    {
        base.OnParametersSet();
        var code = Region.Trim().ToLowerInvariant();
        if (_thisRegion.Length != 1 || _thisRegion[0] != code)
        {
            _thisRegion = [code];
        }

        _breadcrumbs =
        [
            new BreadcrumbItem("Overview", RegionSelection.Link("", RegionFilter)),
            new BreadcrumbItem("Regions", RegionSelection.Link("regions", RegionFilter)),
            new BreadcrumbItem(code, null, disabled: true),
        ];
    }

    /// <summary>
    /// Figures per resource type (the domain's aggregation), the largest gap first: the types to fix first lead.
    /// Worked out once per view.
    /// </summary>
    private IReadOnlyList<TypeRow> TypesOf(ComplianceResult view)
    {
        if (_types is not { } cached || !ReferenceEquals(cached.View, view))
        {
            cached = (view, [.. ComplianceAggregator.ByType(view.Resources)
                .OrderByDescending(t => t.Summary.GapCents).ThenBy(t => t.ResourceType, StringComparer.Ordinal)
                .Select(t => new TypeRow(t.ResourceType, t.Summary))]);
            _types = cached;
        }

        return cached.Rows;
    }

    /// <summary>Required tag keys in-scope resources lack, most resources first.</summary>
    private static IEnumerable<TagKeySpend> MissingTags(ComplianceResult view) =>
        view.GapReport.UntaggedByTagKey
            .Where(t => t.ResourcesWithout > 0)
            .OrderByDescending(t => t.ResourcesWithout)
            .ThenBy(t => t.TagKey, StringComparer.Ordinal);

    /// <summary>One row of the score-by-type table.</summary>
    internal sealed record TypeRow(string Type, ComplianceSummary Summary);
}
