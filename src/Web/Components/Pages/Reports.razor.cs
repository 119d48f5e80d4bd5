using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Reports;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using FinOps.Web.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// Where a manager downloads the region report (PDF, XLSX, CSV) for chosen regions, period and metric, and the
/// violations CSV. Downloads are plain links to the export API (<see cref="ReportsApi"/>), so the browser saves the
/// file and the same address works for automation.
/// </summary>
public sealed partial class Reports : IDisposable
{
    private const string AnySeverity = "any";

    private readonly CancellationTokenSource _cts = new();
    private ComplianceResult? _latest;
    private ScanJob? _job;
    private string? _scanFailure;
    private bool _loading = true;
    private ImmutableArray<string> _initialRegions = [];

    /// <summary>Why the address's region filter was refused (the rule every door uses), or null.</summary>
    private string? _scopeError;
    private IReadOnlyCollection<string> _selectedRegions = [];
    private string _period = BillingPeriodPicker.LastMonth;
    private string? _periodError;
    private CostMetric _metric;
    private ReportFileFormat _format = ReportFileFormat.Pdf;
    private string _severity = AnySeverity;
    private IReadOnlyCollection<ViolationColumn> _columns = ViolationColumns.All;

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required CostAttributionService CostAttribution { get; init; }

    /// <summary>The dashboard's region filter, the report's first selection.</summary>
    [SupplyParameterFromQuery(Name = RegionSelection.QueryName)]
    public string? RegionsQuery { get; set; }

    private BillingPeriod? Period => CostAttribution.TryParsePeriod(_period, out var period, out _) ? period : null;

    /// <summary>The selected regions; every region of the scan counts as no filter.</summary>
    private IReadOnlyList<string> ChosenRegions =>
        _latest is not null && _selectedRegions.Count == _latest.Regions.Length ? [] : [.. _selectedRegions];

    private string ReportLink => ExportLinks.RegionReport(_format, ChosenRegions, _period, _metric);

    private string ViolationsLink => ExportLinks.ViolationsCsv(
        ChosenRegions,
        WireNames.TryParseSeverity(_severity, out var severity) ? severity : null,
        [.. ViolationColumns.All.Where(_columns.Contains)]);

    private string SelectionText => ChosenRegions.Count switch
    {
        0 => "All regions",
        <= 3 => string.Join(", ", ChosenRegions.Order(StringComparer.Ordinal).Select(RegionLabel)),
        var n => $"{n} regions",
    };

    protected override async Task OnInitializedAsync()
    {
        (var scope, _scopeError) = await RegionSelection.CheckAsync(Compliance, RegionsQuery, _cts.Token);
        _initialRegions = scope.Regions;
        _job = AwaitingScan.RunningJob(Compliance);
        (_latest, _scanFailure) = await AwaitingScan.LatestResultAsync(Compliance, _job, _cts.Token);
        _job = null;
        _loading = false;
        if (_latest is not null)
        {
            var known = _latest.Regions.Select(r => r.Region).ToHashSet(StringComparer.Ordinal);
            _selectedRegions = [.. _initialRegions.Where(known.Contains)];
            _metric = _latest.Allocation.Snapshot.Metric;
        }
    }

    private void OnRegionsChanged(IReadOnlyCollection<string> regions) => _selectedRegions = regions;

    private void OnPeriodChanged(string value)
    {
        _period = value;
        _periodError = CostAttribution.TryParsePeriod(value, out _, out var error) ? null : error;
    }

    private string EstimateText(BillingPeriod period)
    {
        var requests = _latest is null ? 0 : CostAttribution.EstimateRequestCount(_latest, period, _metric);
        return requests == 0
            ? "No billable Cost Explorer request needed."
            : $"Making it takes {requests} Cost Explorer request{(requests == 1 ? "" : "s")} (USD 0.01 each).";
    }

    private string RegionsText(IReadOnlyList<string> regions) =>
        regions.Count == 0 || (_latest is not null && regions.Count == _latest.Regions.Length)
            ? "All regions"
            : string.Join(", ", regions.Order(StringComparer.Ordinal));

    private static string ColumnsText(IReadOnlyList<string> columns) =>
        columns.Count == ViolationColumns.All.Length ? "All columns" : $"{columns.Count} columns";

    private static string RegionLabel(string region) =>
        region == Domain.Resources.ResourceCatalogue.GlobalRegion ? "Global (no region)" : region;

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
