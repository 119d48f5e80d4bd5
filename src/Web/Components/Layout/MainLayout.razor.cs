using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace FinOps.Web.Components.Layout;

/// <summary>
/// The shell of every page: app bar (source, freshness, data quality, theme, user; on a phone in a "more" menu),
/// navigation drawer, the region filter above the page body where the page applies it, and the theme (remembered in
/// the browser, cascaded to charts).
/// </summary>
public sealed partial class MainLayout : IAsyncDisposable
{
    /// <summary>
    /// Pages the region filter does nothing on: the policy is the same in every region, and a scan's regions are
    /// chosen in its own form. The filter stays in the URL there, so it is back on the next page.
    /// </summary>
    private static readonly string[] PagesWithoutRegionFilter = ["policy", "scan"];

    /// <summary>Name of the cascading <c>bool</c> that tells components (charts) whether the dark theme is on.</summary>
    public const string DarkModeCascade = "FinOpsDarkMode";

    private MudThemeProvider? _themeProvider;
    private bool _drawerOpen = true;
    private bool _isDarkMode;
    private IJSObjectReference? _module;

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>Whether the page shown applies the region filter (so the filter bar shows).</summary>
    private bool ShowsRegionFilter
    {
        get
        {
            var path = Navigation.ToBaseRelativePath(Navigation.Uri);
            var first = path.Split('?', '#', '/')[0];
            return !PagesWithoutRegionFilter.Contains(first, StringComparer.OrdinalIgnoreCase);
        }
    }

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(StateHasChanged);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/finops.js");
            var stored = await _module.InvokeAsync<string?>("getTheme");
            var dark = stored is null
                ? _themeProvider is not null && await _themeProvider.GetSystemDarkModeAsync()
                : stored == "dark";
            if (dark != _isDarkMode)
            {
                _isDarkMode = dark;
                StateHasChanged();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away while starting; nothing to remember.
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleThemeAsync()
    {
        _isDarkMode = !_isDarkMode;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setTheme", _isDarkMode ? "dark" : "light");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }
}
