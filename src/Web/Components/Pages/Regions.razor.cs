using System.Collections.Immutable;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// Every region of the account with its opt-in status, last scan outcome, score and spend (sortable); each scanned
/// region links to its region view.
/// </summary>
public sealed partial class Regions : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private ImmutableArray<AccountRegion> _accountRegions = [];
    private string? _regionsProblem;

    [Inject]
    public required ComplianceService Compliance { get; init; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _accountRegions = (await Compliance.ListRegionsAsync(_cts.Token)).Regions;
        }
        catch (ResourceSourceException ex)
        {
            _regionsProblem = ex.Message;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
