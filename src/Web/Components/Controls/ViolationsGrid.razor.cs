using System.Collections.Immutable;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.Waivers;
using FinOps.Web.Links;
using FinOps.Web.Security;
using FinOps.Web.Waivers;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// The violations of a result in a server-paged grid: each page, sort and filter is one <see cref="ViolationQuery.Page"/>
/// call, so only the rows of the page on screen ever reach the browser, however many violations the result holds.
/// A page that fails to load leaves the grid empty with an alert that offers to try again (the error is logged).
/// </summary>
public sealed partial class ViolationsGrid
{
    private static readonly int[] PageSizes = [25, 50, 100];

    private MudDataGrid<Violation>? _grid;
    private ViolationPage? _page;
    private string? _failure;
    private ComplianceResult? _shownResult;
    private ViolationFilter? _shownFilter;
    private bool _canRequest;
    private Dictionary<(string Arn, string TagKey), Violation> _selected = [];
    private string? _waiverMessage;
    private bool _waiverFailed;

    [Inject]
    public required IViolationPageSource Pages { get; init; }

    [Inject]
    public required WaiverDesk Waivers { get; init; }

    [Inject]
    public required DashboardUser User { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required ILogger<ViolationsGrid> Logger { get; init; }

    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    [Parameter, EditorRequired]
    public required ViolationFilter Filter { get; set; }

    /// <summary>The region filter, kept in the links to resources.</summary>
    [Parameter]
    public ImmutableArray<string> Regions { get; set; } = [];

    /// <summary>The last page the grid asked for and what it got (for the count and for tests).</summary>
    public ViolationPageRequest? LastRequest { get; private set; }

    /// <summary>The grid column a sort definition names, as the domain's sort order.</summary>
    public static ViolationSort SortFor(string? column) => column switch
    {
        nameof(Violation.ResourceName) => ViolationSort.ResourceName,
        nameof(Violation.ResourceType) => ViolationSort.ResourceType,
        nameof(Violation.Region) => ViolationSort.Region,
        nameof(Violation.TagKey) => ViolationSort.TagKey,
        nameof(Violation.Kind) => ViolationSort.Kind,
        nameof(Violation.Severity) => ViolationSort.Severity,
        nameof(Violation.Arn) => ViolationSort.Arn,
        _ => ViolationSort.CostAtStake,
    };

    protected override async Task OnInitializedAsync() =>
        _canRequest = (await User.PrincipalAsync()).Has(FinOpsAction.RequestWaiver);

    protected override async Task OnParametersSetAsync()
    {
        var resultChanged = !ReferenceEquals(_shownResult, Result);
        var filterChanged = _shownFilter is not null && !_shownFilter.Equals(Filter);
        _shownResult = Result;
        _shownFilter = Filter;
        if (_grid is null || !(resultChanged || filterChanged))
        {
            return;
        }

        // A new filter starts again from the first page; a new result (scan, region filter) too.
        if (_grid.CurrentPage != 0)
        {
            _grid.NavigateTo(Page.First);
        }
        else
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<Violation>> LoadAsync(GridState<Violation> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var request = new ViolationPageRequest(Result, Filter, SortFor(sort?.SortBy), sort?.Descending ?? true,
            state.Page * state.PageSize, Math.Clamp(state.PageSize, 1, ViolationQuery.MaxPageSize));

        try
        {
            var page = await Pages.PageAsync(request, cancellationToken);
            LastRequest = request;
            _page = page;
            _failure = null;
            return new GridData<Violation> { Items = page.Items, TotalItems = page.TotalCount };
        }
#pragma warning disable CA1031 // Any failure is shown (without its text, see FailureText) and logged; cancellation is not a failure.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogPageFailed(Logger, Result.ScanId, request.Offset, ex);
            LastRequest = request;
            _page = null;
            _failure = FailureText.Of(ex);
            return new GridData<Violation> { Items = [], TotalItems = 0 };
        }
    }

    private Task RequestSelectedAsync() => RequestAsync([.. _selected.Values]);

    private bool IsSelected(Violation v) => _selected.ContainsKey((v.Arn, v.TagKey));

    private void Toggle(Violation v, bool selected)
    {
        if (selected)
        {
            _selected[(v.Arn, v.TagKey)] = v;
        }
        else
        {
            _selected.Remove((v.Arn, v.TagKey));
        }
    }

    /// <summary>Asks for the key, reason and expiry, then requests one waiver per selected resource.</summary>
    private async Task RequestAsync(IReadOnlyList<Violation> violations)
    {
        if (violations.Count == 0)
        {
            return;
        }

        var arns = violations.Select(v => v.Arn).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var keys = violations.Select(v => v.TagKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var parameters = new DialogParameters<WaiverRequestDialog>
        {
            { d => d.Arns, arns },
            { d => d.Keys, keys },
            { d => d.MaxDays, Waivers.Service.Options.MaxDays },
            { d => d.Today, Time.GetUtcNow().UtcDateTime.Date },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<WaiverRequestDialog>("Request a waiver", parameters, options);
        if (await dialog.Result is not { Canceled: false, Data: WaiverDialogAnswer answer })
        {
            return;
        }

        var user = await User.PrincipalAsync();
        var done = 0;
        var refusals = new List<string>();
        foreach (var arn in arns)
        {
            var request = new WaiverRequest(arn, null, null, null, null, answer.TagKey, answer.Reason, answer.ExpiresAt);
            var result = await Waivers.RequestAsync(user, "dashboard:violations", request, CancellationToken.None);
            if (result.Succeeded)
            {
                done++;
            }
            else
            {
                refusals.Add(result.Refusal!);
            }
        }

        _selected = [];
        _waiverFailed = refusals.Count > 0;
        _waiverMessage = (done == 0 ? "" : $"{DisplayFormat.Count(done)} waiver{(done == 1 ? "" : "s")} requested; an admin approves them on the Waivers page. ")
            + (refusals.Count == 0 ? "" : $"Refused: {string.Join(" ", refusals.Distinct(StringComparer.Ordinal))}");
    }

    private Task RetryAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the violations of scan {ScanId} from offset {Offset} failed")]
    private static partial void LogPageFailed(ILogger logger, string scanId, int offset, Exception exception);

    private string ResourceLink(string arn) => RegionSelection.Link($"resources/{Uri.EscapeDataString(arn)}", Regions);

    // Types break after the service ("elasticloadbalancing:" / "loadbalancer") rather than anywhere.
    private static string TypeService(string type) => type[..(type.IndexOf(':', StringComparison.Ordinal) + 1)];

    private static string TypeKind(string type) => type[(type.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string ShortId(string arn) => Arn.TryParse(arn, out var parsed, out _) ? parsed.ResourceId : arn;
}
