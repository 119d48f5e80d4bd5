using FinOps.Domain.Scanning;
using FinOps.Web.Components.Controls;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Layout;

/// <summary>
/// The app bar's "as of …" and data-quality badge (complete / partial / failed) for the result the page shows:
/// the latest scan, or the one pinned by <c>?scan=</c>, narrowed to the region filter. Clicking the badge opens the
/// notes, failed and skipped regions and tagged-only types. Updates when the URL changes or a scan finishes.
/// </summary>
public sealed partial class ResultStatus : IDisposable
{
    private ComplianceResult? _result;
    private IDisposable? _jobs;

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required DashboardResults Results { get; init; }

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    /// <summary>Lines of the app bar's "more" menu (phones) rather than the bar's text and badge.</summary>
    [Parameter]
    public bool Compact { get; set; }

    protected override void OnInitialized()
    {
        Navigation.LocationChanged += OnLocationChanged;
        _jobs = Compliance.SubscribeJobs(job =>
        {
            if (job.IsFinished)
            {
                _ = InvokeAsync(Refresh);
            }
        });
        Load();
    }

    private void Load()
    {
        var uri = Navigation.Uri;
        _result = Results.Resolve(RegionSelection.QueryValue(uri, DashboardResults.ScanQueryName), RegionSelection.FromUri(uri));
    }

    private void Refresh()
    {
        Load();
        StateHasChanged();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(Refresh);

    private async Task ShowQualityAsync()
    {
        if (_result is null)
        {
            return;
        }

        var parameters = new DialogParameters<DataQualityDialog> { { d => d.Result, _result } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true };
        await Dialogs.ShowAsync<DataQualityDialog>($"Data quality: {_result.DataQuality.StatusText}", parameters, options);
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _jobs?.Dispose();
    }
}
