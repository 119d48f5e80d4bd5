using FinOps.Domain.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FinOps.Web.Hosting.Health;

/// <summary>Ready when the inventory source answers: the account's region catalogue can be listed.</summary>
public sealed class InventoryReadinessCheck(IRegionCatalogue regions) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var listed = await regions.ListRegionsAsync(cancellationToken).ConfigureAwait(false);
            return listed.Count > 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The region catalogue is empty.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reason is logged by the health-check service; the probe's answer carries none of it.
            return HealthCheckResult.Unhealthy("The inventory source did not answer.", ex);
        }
    }
}
