using FinOps.Web.Links;
using FinOps.Domain.History;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// What changed between the latest kept scan and the one before it (or a chosen baseline): resources added and removed,
/// tag changes, violations new and fixed, and the gap each moved, through filters kept in the URL (<c>regions</c>,
/// <c>type</c>, <c>tag</c>, <c>kind</c>, <c>from</c>; parsed as the drift CSV parses them, so the download has the same
/// rows). Every figure comes from <see cref="HistoryService.DriftAsync"/>; reloads when a scan is saved.
/// </summary>
public sealed partial class Drift : IDisposable
{
    /// <summary>Rows listed on the page (the CSV has every row).</summary>
    internal const int MaxRows = 500;

    private Dictionary<string, string[]>? _errors;
    private string? _problem;
    private DriftReport? _report;
    private List<StoredScan> _baselines = [];
    private (string? Regions, string? Type, string? Tag, string? Kind, string? From, string? Saved)? _loadedFor;

    [Inject]
    public required HistoryService History { get; init; }

    [Inject]
    public required HistoryRecorder Recorder { get; init; }

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = DriftRequest.TypeName)]
    public string? TypeQuery { get; set; }

    [SupplyParameterFromQuery(Name = DriftRequest.TagName)]
    public string? TagQuery { get; set; }

    [SupplyParameterFromQuery(Name = DriftRequest.KindName)]
    public string? KindQuery { get; set; }

    [SupplyParameterFromQuery(Name = DriftRequest.FromName)]
    public string? FromQuery { get; set; }

    private bool Filtered => !RegionFilter.IsDefaultOrEmpty || !string.IsNullOrEmpty(TypeQuery) || !string.IsNullOrEmpty(TagQuery) || !string.IsNullOrEmpty(KindQuery);

    private string CsvLink => ExportLinks.DriftCsv(RegionFilter, TypeQuery, TagQuery, KindQuery, FromQuery);

    protected override void OnInitialized() => Recorder.StatusChanged += OnHistoryChanged;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var key = (RegionsQuery, TypeQuery, TagQuery, KindQuery, FromQuery, Recorder.Status.LastSavedScanId);
        if (_loadedFor == key)
        {
            return;
        }

        _loadedFor = key;
        _report = null;
        _problem = null;
        var (request, errors) = await DriftRequest.ParseAsync(Compliance, RegionsQuery, TypeQuery, TagQuery, KindQuery, FromQuery, CancellationToken.None);
        _errors = errors;
        if (request is null)
        {
            return;
        }

        try
        {
            var page = await History.ListScansAsync(50, null, CancellationToken.None);
            _baselines = [.. page.Scans.Skip(1)];
            _report = (await History.DriftAsync(request.Query, CancellationToken.None)).OfKind(request.Kind);
        }
        catch (ArgumentException ex)
        {
            // Fewer than two kept scans, or an unknown baseline: the domain's message says which.
            _problem = ex.Message;
        }
        catch (HistoryUnavailableException ex)
        {
            _problem = $"History cannot be read: {History.ForCallers(ex.Message)}";
        }
    }

    private void Go(string name, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name, string.IsNullOrWhiteSpace(value) ? null : value.Trim()));

    private string ResourceLink(string arn) => RegionSelection.Link($"resources/{Uri.EscapeDataString(arn)}", RegionFilter);

    private static string Signed(long cents) => cents > 0 ? "+" + DisplayFormat.Usd(cents) : DisplayFormat.Usd(cents);

    private static Color KindColor(ResourceDriftKind kind) => kind switch
    {
        ResourceDriftKind.Added => Color.Info,
        ResourceDriftKind.Removed => Color.Warning,
        _ => Color.Default,
    };

    private void OnHistoryChanged(HistoryStatus status) => _ = InvokeAsync(async () =>
    {
        if (_loadedFor is { } loaded && loaded.Saved != status.LastSavedScanId)
        {
            await LoadAsync();
            StateHasChanged();
        }
    });

    public void Dispose() => Recorder.StatusChanged -= OnHistoryChanged;
}
