using FinOps.Domain.History;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FinOps.Store;

/// <summary>Registers the history store.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StoreOptions"/> from <c>FinOps:Store</c> (validated at start-up: invalid values stop the host with a
    /// message naming the setting), and registers <see cref="IScanHistory"/> (a <see cref="ScanHistoryStore"/> on SQLite at
    /// <c>{FinOps:DataPath}/finops.db</c> or on PostgreSQL), the waiver store (same database) and the daily <see cref="HistoryRetention"/>. The schema is
    /// migrated on first use; call <see cref="ScanHistoryStore.MigrateAsync"/> at start-up to find out at once.
    /// </summary>
    public static IServiceCollection AddFinOpsStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => HistoryDatabase.From(sp.GetRequiredService<IOptions<StoreOptions>>().Value, DataPath(sp, configuration)));
        services.TryAddSingleton<ScanHistoryStore>();
        services.TryAddSingleton<IScanHistory>(sp => sp.GetRequiredService<ScanHistoryStore>());
        services.TryAddSingleton<Domain.Waivers.IWaiverStore, Waivers.WaiverStore>();
        services.TryAddSingleton<Domain.Schedules.IScheduleStore, Schedules.ScheduleStore>();
        services.AddHostedService<HistoryRetention>();
        return services;
    }

    /// <summary><c>FinOps:DataPath</c> (default <c>App_Data</c>) as an absolute path; relative paths are under the content root.</summary>
    private static string DataPath(IServiceProvider services, IConfiguration configuration)
    {
        var dataPath = configuration["FinOps:DataPath"];
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(string.IsNullOrWhiteSpace(dataPath) ? "App_Data" : dataPath, root);
    }
}
