using System.Globalization;
using FinOps.Domain.History;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// A resource's timeline from history (<see cref="HistoryService.ResourceTimelineAsync"/>), newest first: when, what
/// changed, the verdict then. Renders nothing when history has nothing for the resource and says so when the store cannot
/// be read; reloads when a scan is saved.
/// </summary>
public sealed partial class ResourceHistory : IDisposable
{
    private ResourceTimeline? _timeline;
    private string? _problem;
    private (string Arn, string? Saved)? _loadedFor;
    private bool _subscribed;

    [Inject]
    public required HistoryService History { get; init; }

    [Inject]
    public required HistoryRecorder Recorder { get; init; }

    /// <summary>The resource.</summary>
    [Parameter, EditorRequired]
    public required string Arn { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (!_subscribed)
        {
            Recorder.StatusChanged += OnHistoryChanged;
            _subscribed = true;
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var key = (Arn, Recorder.Status.LastSavedScanId);
        if (_loadedFor == key)
        {
            return;
        }

        _loadedFor = key;
        try
        {
            _timeline = await History.ResourceTimelineAsync(Arn, ResourceTimeline.DefaultScans, CancellationToken.None);
            _problem = null;
        }
        catch (HistoryUnavailableException ex)
        {
            _timeline = null;
            _problem = $"History cannot be read: {History.ForCallers(ex.Message)}";
        }
    }

    private void OnHistoryChanged(HistoryStatus status) => _ = InvokeAsync(async () =>
    {
        if (_loadedFor is { } loaded && loaded.Saved != status.LastSavedScanId)
        {
            await LoadAsync();
            StateHasChanged();
        }
    });

    private static string Caption(ResourceTimeline timeline) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{timeline.ScansRead} kept {(timeline.ScansRead == 1 ? "scan" : "scans")} saw this resource{(timeline.HasEarlier ? " (the newest shown)" : "")}; newest first.");

    internal static string When(ResourceTimelineEntry entry) =>
        entry.IsSingleScan ? DisplayFormat.Timestamp(entry.To)
            : string.Create(CultureInfo.InvariantCulture, $"{DisplayFormat.Timestamp(entry.From)} to {DisplayFormat.Timestamp(entry.To)} ({entry.Scans} scans)");

    internal static string VerdictText(ResourceTimelineEntry entry) =>
        !entry.Verdict.InScope ? "out of scope" : entry.Verdict.Compliant ? "compliant" : "non-compliant";

    private static Color VerdictColor(ResourceTimelineEntry entry) =>
        !entry.Verdict.InScope ? Color.Default : entry.Verdict.Compliant ? Color.Success : Color.Error;

    public void Dispose()
    {
        if (_subscribed)
        {
            Recorder.StatusChanged -= OnHistoryChanged;
        }
    }
}
