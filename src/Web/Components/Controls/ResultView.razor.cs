using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// Shows a page's content for the result it should show (the account state through the page's scope, or the scan of
/// <c>?scan=</c>), and otherwise the right state: a refused scope, a running scan's progress, the last scan's error, an
/// unavailable scan, or the "no scan yet" call to action. Re-renders when the account state or a scan changes, so a
/// page waiting for its first result fills in by itself.
/// </summary>
public sealed partial class ResultView : IDisposable
{
    private ComplianceResult? _result;
    private ScanJobSnapshot? _running;
    private ScanJobSnapshot? _lastFailure;
    private string? _scopeError;
    private ImmutableArray<string> _checkedRegions = [];
    private IDisposable? _state;
    private ScanJob? _watched;
    private string? _policyHash;
    private bool _scanRunning;
    private IDisposable? _progress;
    private IDisposable? _jobs;

    [Inject]
    public required DashboardResults Results { get; init; }

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required PolicyService Policies { get; init; }

    /// <summary>The page's content, given the result to show.</summary>
    [Parameter, EditorRequired]
    public required RenderFragment<ComplianceResult> ChildContent { get; set; }

    /// <summary>The region filter (empty: every region).</summary>
    [Parameter]
    public ImmutableArray<string> Regions { get; set; } = [];

    /// <summary>Why the page's region filter was refused (shown instead of a result), or null.</summary>
    [Parameter]
    public string? ScopeError { get; set; }

    /// <summary>A scan to show instead of the latest.</summary>
    [Parameter]
    public string? ScanId { get; set; }

    /// <summary>The result shown, once there is one.</summary>
    public ComplianceResult? Result => _result;

    protected override async Task OnInitializedAsync()
    {
        _jobs = Compliance.SubscribeJobs(job => _ = InvokeAsync(() =>
        {
            Load();
            StateHasChanged();
        }));
        _state = Compliance.SubscribeState(changed => _ = InvokeAsync(() =>
        {
            Load();
            StateHasChanged();
        }));
        Policies.PolicyChanged += OnPolicyChanged;
        try
        {
            _policyHash ??= (await Policies.GetPolicyAsync(CancellationToken.None)).ContentHash;
        }
        catch (InvalidPolicyException)
        {
            // The policy page explains a broken policy file; here there is nothing to compare with.
        }
    }

    /// <summary>A saved policy makes the shown figures stale until a scan under it lands.</summary>
    private void OnPolicyChanged(TaggingPolicy policy) => _ = InvokeAsync(() =>
    {
        _policyHash = policy.ContentHash;
        Load();
        StateHasChanged();
    });

    protected override async Task OnParametersSetAsync()
    {
        if (!Regions.SequenceEqual(_checkedRegions) || _scopeError is null != ScopeError is null)
        {
            _checkedRegions = Regions;
            _scopeError = ScopeError ?? await RefusalAsync(Regions);
        }

        Load();
    }

    /// <summary>Checks the filter's regions against the account by the rule every door uses; the refusal, or null.</summary>
    private async Task<string?> RefusalAsync(ImmutableArray<string> regions)
    {
        if (regions.IsDefaultOrEmpty)
        {
            return null;
        }

        try
        {
            // Each region by itself: a route value such as "," is one bad region, not an empty list.
            _ = ScanScope.Everything.WithRegions(regions);
        }
        catch (InvalidRegionException ex)
        {
            return ex.Message;
        }

        return (await RegionSelection.CheckAsync(Compliance, string.Join(',', regions), CancellationToken.None)).Error;
    }

    private void Load()
    {
        _result = _scopeError is null ? Results.Resolve(ScanId, Regions) : null;
        _scanRunning = Compliance.RunningJob is not null;
        if (_result is not null)
        {
            Watch(null);
            return;
        }

        var jobs = string.IsNullOrEmpty(ScanId) ? Compliance.ListJobs() : [];
        var running = jobs.FirstOrDefault(j => !j.IsFinished);
        Watch(running);
        _lastFailure = running is null && (jobs.Count > 0 ? jobs[0] : null)?.Current is { Status: ScanJobStatus.Failed or ScanJobStatus.Cancelled } last
            ? last
            : null;
    }

    /// <summary>Follows the progress of the running scan (or stops following).</summary>
    private void Watch(ScanJob? job)
    {
        if (ReferenceEquals(job, _watched))
        {
            return;
        }

        _progress?.Dispose();
        _progress = null;
        _watched = job;
        _running = job?.Current;
        if (job is not null)
        {
            _progress = job.Subscribe(snapshot => _ = InvokeAsync(() =>
            {
                if (ReferenceEquals(job, _watched))
                {
                    _running = snapshot;
                    StateHasChanged();
                }
            }));
        }
    }

    public void Dispose()
    {
        Policies.PolicyChanged -= OnPolicyChanged;
        _jobs?.Dispose();
        _state?.Dispose();
        _progress?.Dispose();
    }
}
