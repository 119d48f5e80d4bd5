using FinOps.Domain.Policy;
using FinOps.Domain.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FinOps.Domain.Scanning;

/// <summary>Registers multi-region scanning (the ports — region catalogue, sources, costs, identity, policy store — come from elsewhere).</summary>
public static class ScanningServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ScanOptions"/> from <c>FinOps:Scan</c> (validated at start-up: invalid values stop the host
    /// with a message naming the setting) and registers discovery, planning, the scanner, the account state, scan jobs
    /// and <see cref="ComplianceService"/> as singletons.
    /// </summary>
    public static IServiceCollection AddFinOpsScanning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ScanOptions>()
            .Bind(configuration.GetSection(ScanOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PolicyService>();
        services.TryAddSingleton<RegionDiscovery>();
        services.TryAddSingleton<ScanPlanner>();
        services.TryAddSingleton<RetryBackoff>();
        services.TryAddSingleton<MultiRegionScanner>();
        services.TryAddSingleton<AccountStateKeeper>();
        services.TryAddSingleton<ScanJobs>();
        services.TryAddSingleton<ComplianceService>();
        return services;
    }
}
