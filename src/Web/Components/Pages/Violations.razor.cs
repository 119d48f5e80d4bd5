using System.Collections.Immutable;
using FinOps.Domain.Owners;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// Every violation of the latest scan (narrowed to the region filter) in a server-paged grid, ranked by cost at stake.
/// The filters live in the URL (<c>?type=…&amp;tag=…&amp;kind=…&amp;severity=…&amp;q=…&amp;owner=…</c>), so a filtered list can be shared.
/// </summary>
public sealed partial class Violations
{
    /// <summary>Query-string names of the filters.</summary>
    public const string TypeQuery = "type", TagQuery = "tag", KindQuery = "kind", SeverityQuery = "severity", TextQuery = "q", OwnerQuery = "owner";

    private ImmutableArray<string> _regions = [];
    private string? _scopeError;
    private ViolationFilter _filter = ViolationFilter.None;

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required OwnerReportService Owners { get; init; }

    [SupplyParameterFromQuery(Name = RegionSelection.QueryName)]
    public string? RegionsValue { get; set; }

    [SupplyParameterFromQuery(Name = TypeQuery)]
    public string? TypeValue { get; set; }

    [SupplyParameterFromQuery(Name = TagQuery)]
    public string? TagValue { get; set; }

    [SupplyParameterFromQuery(Name = KindQuery)]
    public string? KindValue { get; set; }

    [SupplyParameterFromQuery(Name = SeverityQuery)]
    public string? SeverityValue { get; set; }

    [SupplyParameterFromQuery(Name = TextQuery)]
    public string? TextValue { get; set; }

    [SupplyParameterFromQuery(Name = OwnerQuery)]
    public string? OwnerValue { get; set; }

    protected override void OnParametersSet()
    {
        // Keep the same instances while nothing changed, so the grid does not reload for nothing.
        var (scope, scopeError) = RegionSelection.ParseScope(RegionsValue);
        _scopeError = scopeError;
        var regions = scope.Regions;
        if (!regions.SequenceEqual(_regions))
        {
            _regions = regions;
        }

        var filter = new ViolationFilter(
            List(TypeValue),
            List(TagValue),
            [.. List(KindValue).Select(k => WireNames.TryParseKind(k, out var kind) ? kind : (ViolationKind?)null).OfType<ViolationKind>().Distinct().Order()],
            WireNames.TryParseSeverity(SeverityValue, out var severity) ? severity : null,
            string.IsNullOrWhiteSpace(TextValue) ? null : TextValue.Trim(),
            string.IsNullOrWhiteSpace(OwnerValue) ? null : Owners.Filter(OwnerValue));
        if (!filter.Equals(_filter))
        {
            _filter = filter;
        }
    }

    /// <summary>Puts a filter in the URL (replacing the history entry); the page then reads it back like any link.</summary>
    private void ApplyFilter(ViolationFilter filter)
    {
        var uri = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [TypeQuery] = Join(filter.ResourceTypes),
            [TagQuery] = Join(filter.TagKeys),
            [KindQuery] = filter.Kinds.IsDefaultOrEmpty ? null : string.Join(',', filter.Kinds.Select(k => k.ToWire())),
            [SeverityQuery] = filter.Severity?.ToWire(),
            [TextQuery] = filter.Text,
            [OwnerQuery] = filter.Owner?.Name,
        });
        Navigation.NavigateTo(uri, replace: true);
    }

    private static ImmutableArray<string> List(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string? Join(ImmutableArray<string> values) => values.IsDefaultOrEmpty ? null : string.Join(',', values);
}
