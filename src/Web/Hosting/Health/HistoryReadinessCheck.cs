using FinOps.Domain.History;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FinOps.Web.Hosting.Health;

/// <summary>
/// Degraded (never unhealthy: the app keeps serving what it has) while the history store cannot be reached or finished
/// scans are waiting to be saved.
/// </summary>
public sealed class HistoryReadinessCheck(IScanHistory history, HistoryRecorder recorder) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await history.CheckAsync(cancellationToken).ConfigureAwait(false);
        var status = recorder.Status;
        if (!health.Reachable)
        {
            return HealthCheckResult.Degraded($"The history store is unreachable: {health.Detail}");
        }

        return status.PendingScans > 0 && !status.Reachable
            ? HealthCheckResult.Degraded(status.Warning)
            : HealthCheckResult.Healthy(health.Detail);
    }
}
