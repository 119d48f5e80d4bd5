using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FinOps.Domain.History;

/// <summary>Registers history keeping over an <see cref="IScanHistory"/> registered elsewhere (the Store project).</summary>
public static class HistoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HistoryRecorder"/> (restores the state at start-up, saves every applied scan; a hosted service)
    /// and <see cref="HistoryService"/>. Call it before any hosted service that starts a scan.
    /// </summary>
    public static IServiceCollection AddFinOpsHistory(this IServiceCollection services)
    {
        services.TryAddSingleton<HistoryRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryRecorder>());
        services.TryAddSingleton<HistoryService>();
        return services;
    }
}
