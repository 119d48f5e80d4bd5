using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Pages;

/// <summary>The landing page: overall score and the per-region breakdown of the latest scan.</summary>
public sealed partial class Overview : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private ComplianceResult? _result;
    private string? _error;

    [Inject]
    public required ComplianceService Compliance { get; init; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _result = await Compliance.GetResultAsync(ScanRequest.Default, _cts.Token);
        }
        catch (ResourceSourceException ex)
        {
            _error = ex.Message;
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
