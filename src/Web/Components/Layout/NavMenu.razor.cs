using FinOps.Web.Links;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Layout;

/// <summary>Links to every page; each link keeps the region filter (<c>?regions=…</c>) so the view stays narrowed.</summary>
public sealed partial class NavMenu : IDisposable
{
    [Inject]
    public required NavigationManager Navigation { get; init; }

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    private string Link(string path) => RegionSelection.Link(path, RegionSelection.FromUri(Navigation.Uri));

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(StateHasChanged);

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
