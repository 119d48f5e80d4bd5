using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using FinOps.Web.Security;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// The tagging policy in force: its tags and rules, an editor validated as you type, and an import from an AWS
/// Organizations tag policy with a preview of the changes. Saving puts the policy in force (cached results are dropped
/// by the domain) and starts a fresh scan, so every page soon shows the account under the new policy.
/// </summary>
public sealed partial class PolicyPage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private TaggingPolicy? _policy;
    private ImmutableArray<PolicyValidationError>? _loadErrors;
    private ImmutableArray<PolicyValidationError> _saveErrors = [];
    private TaggingPolicy? _saved;
    private bool _saving;
    private int _tab;
    private ImmutableArray<string> _regions = [];
    private ScanJobSnapshot? _rescan;
    private string? _rescanError;
    private IDisposable? _rescanWatch;

    [Inject]
    public required PolicyService Policies { get; init; }

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [SupplyParameterFromQuery(Name = RegionSelection.QueryName)]
    public string? RegionsValue { get; set; }

    [Inject]
    public required DashboardUser User { get; init; }

    [Inject]
    public required AuditTrail Audit { get; init; }

    /// <summary>Whether this visitor may change the policy (admins, and the local user of local mode).</summary>
    private bool CanEditPolicy { get; set; }

    /// <summary>Who saved, for the policy's history and the audit log.</summary>
    private string SavedBy { get; set; } = "dashboard";

    protected override void OnParametersSet() => _regions = RegionSelection.Parse(RegionsValue);

    protected override async Task OnInitializedAsync()
    {
        var user = await User.PrincipalAsync();
        CanEditPolicy = user.Has(FinOpsAction.EditPolicy);
        SavedBy = "dashboard:" + user.ActorOf();
        try
        {
            _policy = await Policies.GetPolicyAsync(_cts.Token);
        }
        catch (InvalidPolicyException ex)
        {
            _loadErrors = ex.Errors;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
    }

    private async Task SaveAsync(string json)
    {
        // Checked again at the moment of saving: the session may have ended since the page opened.
        var user = await User.PrincipalAsync();
        if (!user.Has(FinOpsAction.EditPolicy) || _saving)
        {
            return;
        }

        // Taken now: once the page is gone its token source is disposed, and its Token property would throw.
        var cancellationToken = _cts.Token;
        _saving = true;
        _saveErrors = [];
        _saved = null;
        try
        {
            _policy = _saved = await Policies.SaveAsync(json, SavedBy, cancellationToken);
            Audit.PolicyChanged(user, "dashboard", $"policy {_saved.ShortHash} in force");
            _tab = 0;
        }
        catch (InvalidPolicyException ex)
        {
            _saveErrors = ex.Errors;
            return;
        }
        catch (IOException ex)
        {
            _saveErrors = [new PolicyValidationError("$", null, $"the policy could not be written: {ex.Message}")];
            return;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            _saving = false;
        }

        await RescanAsync(cancellationToken);
    }

    /// <summary>The cached results are gone; a fresh default scan gives every page a result judged by the new policy.</summary>
    private async Task RescanAsync(CancellationToken cancellationToken)
    {
        _rescanWatch?.Dispose();
        _rescan = null;
        _rescanError = null;
        try
        {
            var job = await Compliance.StartScanAsync(ScanRequest.Default with { ForceRefresh = true }, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return; // the page is gone; the scan runs on for everyone else
            }

            _rescan = job.Current;
            _rescanWatch = job.Subscribe(snapshot => _ = InvokeAsync(() =>
            {
                if (_rescan is null || (snapshot.JobId == _rescan.JobId && snapshot.Version >= _rescan.Version))
                {
                    _rescan = snapshot;
                    StateHasChanged();
                }
            }));
        }
        catch (Exception ex) when (ex is ResourceSourceException or InvalidRegionException)
        {
            _rescanError = ex.Message;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
    }

    private void DismissSaved() => _saved = null;

    public void Dispose()
    {
        _rescanWatch?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
