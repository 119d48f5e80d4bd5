using System.Collections.Immutable;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Layout;

/// <summary>
/// The region filter every page shares: the account's scannable regions plus <c>global</c>, grouped by geography,
/// with "All regions". The selection lives in the URL (<c>?regions=eu-west-1,us-east-1</c>) so a filtered view can be
/// bookmarked; pages read it from there.
/// </summary>
public sealed partial class RegionFilter : IDisposable
{
    /// <summary>The "All regions" entry; exclusive with specific regions.</summary>
    public const string AllValue = "*";

    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<(string Group, IReadOnlyList<string> Regions)> _groups = [];
    private ImmutableArray<string> _known = [];
    private IReadOnlyCollection<string> _selected = [AllValue];
    private string? _problem;
    private bool _loading = true;

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ComplianceService Compliance { get; init; }

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        ReadSelection();
        try
        {
            var targets = await Compliance.ListRegionsAsync(_cts.Token);
            _known = [.. targets.Scannable, ResourceCatalogue.GlobalRegion];
        }
        catch (ResourceSourceException ex)
        {
            _problem = "Regions could not be listed: " + ex.Message;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            _loading = false;
        }

        BuildGroups();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(() =>
    {
        ReadSelection();
        BuildGroups();
        StateHasChanged();
    });

    private void ReadSelection()
    {
        var regions = RegionSelection.FromUri(Navigation.Uri);
        _selected = regions.IsEmpty ? [AllValue] : regions;
    }

    /// <summary>Regions from a bookmarked URL that the account does not list still show, so they can be unticked.</summary>
    private void BuildGroups() =>
        _groups = RegionGeography.Grouped(_known.Concat(_selected.Where(r => r != AllValue)));

    private void OnSelectionChanged(IReadOnlyCollection<string> values)
    {
        var next = values.ToHashSet(StringComparer.Ordinal);
        var hadAll = _selected.Contains(AllValue);

        // "All regions" and specific regions exclude each other: ticking "All" clears the regions, ticking a region
        // clears "All", and unticking the last region means every region again.
        IReadOnlyCollection<string> regions = next.Contains(AllValue) && !hadAll ? [] : [.. next.Where(v => v != AllValue).Order(StringComparer.Ordinal)];
        _selected = regions.Count == 0 ? [AllValue] : regions;

        var value = RegionSelection.Format(regions);
        var without = Navigation.GetUriWithQueryParameter(RegionSelection.QueryName, (string?)null);
        var target = value is null ? without : $"{without}{(without.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{RegionSelection.QueryName}={RegionSelection.Escape(value)}";
        if (target != Navigation.Uri)
        {
            Navigation.NavigateTo(target);
        }
    }

    private static string ShortName(string? value) => value == AllValue ? "All regions" : value ?? "";

    private string SelectionText(IReadOnlyList<string> texts) =>
        _selected.Contains(AllValue) ? "All regions"
        : _selected.Count <= 3 ? string.Join(", ", _selected)
        : $"{_selected.Count} regions: {string.Join(", ", _selected.Take(2))}, …";

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _cts.Cancel();
        _cts.Dispose();
    }
}
