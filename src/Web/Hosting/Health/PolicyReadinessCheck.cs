using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FinOps.Web.Hosting.Health;

/// <summary>Ready when the stored tagging policy can be read and is valid.</summary>
public sealed class PolicyReadinessCheck(IPolicyStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var json = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (json is null)
            {
                return HealthCheckResult.Unhealthy("No tagging policy is stored.");
            }

            var (_, errors) = PolicyService.Validate(json);
            return errors.IsEmpty
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The stored tagging policy has {errors.Length} error(s).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The tagging policy could not be read.", ex);
        }
    }
}
