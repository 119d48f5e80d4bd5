using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using FinOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;


namespace FinOps.Web.Components.Pages;

/// <summary>
/// Starts scans (regions and types to choose, always fresh) and watches one live: a row per region pushed over the
/// circuit as the job's coalesced updates arrive, cancel, and a link to the result when done. The job id is in the
/// URL (<c>/scan/{id}</c>), so every tab opening it follows the same job. Recent jobs are listed below.
/// </summary>
public sealed partial class Scan : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<(string Group, IReadOnlyList<string> Regions)> _regionGroups = [];
    private IReadOnlyCollection<string> _scanRegions = [];
    private IReadOnlyCollection<string> _scanTypes = [];
    private bool _pickTypes;
    private bool _starting;
    private string? _startError;
    private ScanJob? _job;
    private ScanJobSnapshot? _snapshot;
    private IDisposable? _progress;
    private IDisposable? _jobs;
    private ITimer? _ticker;
    private bool _cancelRequested;

    /// <summary>The running job a start joined instead of starting another (the domain runs one scan per scope).</summary>
    private string? _joined;
    private IReadOnlyList<ScanJobSnapshot> _recent = [];

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required DashboardUser User { get; init; }

    [Inject]
    public required AuditTrail Audit { get; init; }

    /// <summary>The job to watch, from the URL.</summary>
    [Parameter]
    public string? JobId { get; set; }

    [SupplyParameterFromQuery(Name = RegionSelection.QueryName)]
    public string? RegionsQuery { get; set; }

    private static IEnumerable<string> CostTypes => ResourceCatalogue.CostGenerating.Select(t => t.Name);

    private static IEnumerable<string> FreeTypes => ResourceCatalogue.FreeOfCharge.Select(t => t.Name);

    private static int CostTypeCount => ResourceCatalogue.CostGenerating.Length;

    private string ScanRegionsText =>
        _scanRegions.Count > 0 ? string.Join(", ", _scanRegions.Order(StringComparer.Ordinal)) : "All enabled regions";

    protected override async Task OnInitializedAsync()
    {
        _jobs = Compliance.SubscribeJobs(job => _ = InvokeAsync(() =>
        {
            LoadRecent();
            StateHasChanged();
        }));
        LoadRecent();
        try
        {
            var targets = await Compliance.ListRegionsAsync(_cts.Token);
            _regionGroups = RegionGeography.Grouped([.. targets.Scannable, ResourceCatalogue.GlobalRegion]);
        }
        catch (ResourceSourceException ex)
        {
            _startError = "Regions could not be listed: " + ex.Message;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
    }

    protected override void OnParametersSet()
    {
        var job = JobId is null ? null : Compliance.GetJob(JobId);
        if (!ReferenceEquals(job, _job))
        {
            Watch(job);
        }
    }

    private void Watch(ScanJob? job)
    {
        _progress?.Dispose();
        _progress = null;
        _ticker?.Dispose();
        _ticker = null;
        _job = job;
        _snapshot = job?.Current;
        _cancelRequested = false;
        if (job is null)
        {
            return;
        }

        _progress = job.Subscribe(snapshot => _ = InvokeAsync(() => Show(job, snapshot)));

        // Between progress events the elapsed times still move on.
        _ticker = Time.CreateTimer(static state => ((Scan)state!).OnTick(), this, Tick, Tick);
    }

    private void OnTick()
    {
        if (_job is { } job)
        {
            _ = InvokeAsync(() => Show(job, job.Current));
        }
    }

    private void Show(ScanJob job, ScanJobSnapshot snapshot)
    {
        // Updates arrive from the job's observer and the ticker; never step back to an older state.
        if (!ReferenceEquals(job, _job) || (_snapshot is { } shown && snapshot.Version < shown.Version))
        {
            return;
        }

        _snapshot = snapshot;
        if (snapshot.IsFinished)
        {
            _ticker?.Dispose();
            _ticker = null;
            LoadRecent();
        }

        StateHasChanged();
    }

    private void LoadRecent() => _recent = [.. Compliance.ListJobs().Select(j => j.Current)];

    private void OnScanRegionsChanged(IReadOnlyCollection<string> values) => _scanRegions = values;

    private async Task StartAsync()
    {
        _starting = true;
        _startError = null;
        try
        {
            var user = await User.PrincipalAsync();
            if (!user.Has(FinOpsAction.Scan))
            {
                _startError = "Starting scans needs the analyst role or higher.";
                return;
            }

            ImmutableArray<string> types = _pickTypes ? [.. _scanTypes] : [ResourceCatalogue.AllKeyword];
            var request = new ScanRequest(types, [.. _scanRegions], null, forceRefresh: true);

            // A running scan of the same scope is joined by the domain, however fresh it was asked to be: a second
            // identical scan would only double the calls to the account. The page says so.
            var running = Compliance.ListJobs().Where(j => !j.IsFinished).Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
            var job = await Compliance.StartScanAsync(request, _cts.Token);
            var joined = running.Contains(job.Id);
            _joined = joined ? job.Id : null;
            Audit.ScanStarted(user, "dashboard", $"job {job.Id}{(joined ? " (already running, joined)" : "")}: {Describe(request)}");
            Navigation.NavigateTo(JobLink(job.Id));
        }
        catch (Exception ex) when (ex is InvalidRegionException or UnknownResourceTypeException or InvalidPolicyException or ResourceSourceException)
        {
            _startError = ex.Message;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        finally
        {
            _starting = false;
        }
    }

    private async Task Cancel()
    {
        if (!await User.MayAsync(FinOpsAction.Scan))
        {
            return;
        }

        _cancelRequested = true;
        _job?.Cancel();
    }

    private string JobLink(string jobId) => RegionSelection.Link($"scan/{Uri.EscapeDataString(jobId)}", RegionSelection.Parse(RegionsQuery));

    private string ResultLink(string scanId)
    {
        var link = RegionSelection.Link("", RegionSelection.Parse(RegionsQuery));
        return $"{link}{(link.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{DashboardResults.ScanQueryName}={Uri.EscapeDataString(scanId)}";
    }

    private static string Describe(ScanRequest request)
    {
        var regions = request.Regions.IsDefaultOrEmpty ? "all enabled regions" : string.Join(", ", request.Regions);
        var types = request.ResourceTypes.IsDefaultOrEmpty || request.ResourceTypes is [ResourceCatalogue.AllKeyword]
            ? "all cost-generating types"
            : string.Join(", ", request.ResourceTypes);
        return $"{types} in {regions}";
    }

    private static Color JobColor(ScanJobStatus status) => status switch
    {
        ScanJobStatus.Succeeded => Color.Success,
        ScanJobStatus.Failed => Color.Error,
        ScanJobStatus.Cancelled => Color.Default,
        _ => Color.Info,
    };

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
        _jobs?.Dispose();
        _progress?.Dispose();
        _ticker?.Dispose();
    }
}
