using System.Collections.Immutable;
using FinOps.Domain.Scanning;
using FinOps.Domain.Waivers;
using FinOps.Web.Security;
using FinOps.Web.Waivers;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// Every waiver with its status (filterable), the waived spend and count of the current view (from the domain's
/// reconciliation), and, for admins, approve / reject / revoke. Every decision and refusal goes through
/// <see cref="WaiverDesk"/>, which checks the permission again and audits it.
/// </summary>
public sealed partial class Waivers : IDisposable
{
    private const string AllFilter = "all";

    private static readonly (string Value, string Label)[] StatusChoices =
        [(AllFilter, "All"), .. Enum.GetValues<WaiverStatus>().Select(s => (WaiverService.Name(s), Label(s)))];

    private ImmutableArray<WaiverListing> _all = [];
    private string _statusFilter = AllFilter;
    private ComplianceResult? _result;
    private bool _canApprove;
    private bool _busy;
    private string? _message;
    private bool _failed;
    private string? _loadError;

    private enum Decision
    {
        Approve,
        Reject,
        Revoke,
    }

    [Inject]
    public required WaiverDesk Desk { get; init; }

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required DashboardUser User { get; init; }

    private WaiverService Service => Desk.Service;

    private IEnumerable<WaiverListing> Shown => _statusFilter == AllFilter ? _all : _all.Where(l => WaiverService.Name(l.Status) == _statusFilter);

    protected override async Task OnInitializedAsync()
    {
        _canApprove = (await User.PrincipalAsync()).Has(FinOpsAction.ApproveWaiver);
        _loadError = await Desk.LoadAsync(CancellationToken.None);
        Service.Changed += OnChanged;
        Refresh();
    }

    public void Dispose() => Service.Changed -= OnChanged;

    private void OnChanged() => _ = InvokeAsync(() =>
    {
        Refresh();
        StateHasChanged();
    });

    private void Refresh()
    {
        _all = Service.List();
        _result = Compliance.Current(ScanScope.Everything);
    }

    private int Count(string value) => value == AllFilter ? _all.Length : _all.Count(l => WaiverService.Name(l.Status) == value);

    private void FilterChanged(string? value) => _statusFilter = value ?? AllFilter;

    private async Task DecideAsync(Waiver waiver, Decision decision)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var user = await User.PrincipalAsync();
            var result = decision switch
            {
                Decision.Approve => await Desk.ApproveAsync(user, "dashboard:waivers", waiver.Id, CancellationToken.None),
                Decision.Reject => await Desk.RejectAsync(user, "dashboard:waivers", waiver.Id, CancellationToken.None),
                _ => await Desk.RevokeAsync(user, "dashboard:waivers", waiver.Id, CancellationToken.None),
            };
            _failed = !result.Succeeded;
            _message = result.Succeeded
                ? $"Waiver {Verb(decision)}: {waiver.Scope}, {waiver.TagKey ?? "every key"}."
                : result.Refusal;
            Refresh();
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Verb(Decision decision) => decision switch
    {
        Decision.Approve => "approved",
        Decision.Reject => "rejected",
        _ => "revoked",
    };

    private static string Label(WaiverStatus status) => status switch
    {
        WaiverStatus.Pending => "Pending",
        WaiverStatus.Approved => "Approved",
        WaiverStatus.Rejected => "Rejected",
        WaiverStatus.Revoked => "Revoked",
        _ => "Expired",
    };

    private static Color StatusColor(WaiverStatus status) => status switch
    {
        WaiverStatus.Pending => Color.Info,
        WaiverStatus.Approved => Color.Success,
        WaiverStatus.Rejected => Color.Error,
        WaiverStatus.Revoked => Color.Warning,
        _ => Color.Default,
    };
}
