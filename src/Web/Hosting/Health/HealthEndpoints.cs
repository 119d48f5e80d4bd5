using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FinOps.Web.Hosting.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the inventory source answers and the policy
/// loads; "Degraded" while the history store is unreachable). Anonymous, for load balancers and orchestrators; the
/// answer is the status word only, never the reason.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddFinOpsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<InventoryReadinessCheck>("inventory", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(10))
            .AddCheck<PolicyReadinessCheck>("policy", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(5))
            .AddCheck<HistoryReadinessCheck>("history", HealthStatus.Degraded, [ReadyTag], TimeSpan.FromSeconds(10));
        return services;
    }

    public static IEndpointRouteBuilder MapFinOpsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return endpoints;
    }
}
