using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Schedules;

/// <summary>Registers scheduled audits (the store, <see cref="IScheduleStore"/>, comes from src/Store).</summary>
public static class SchedulesServiceCollectionExtensions
{
    /// <summary>
    /// Reads <c>FinOps:Schedules</c> (validated at start-up), and registers <see cref="ScheduleService"/>, the
    /// <see cref="ScheduleRunner"/> hosted service and the scan executor. Observers (<see cref="IScheduledRunObserver"/>)
    /// are registered by whoever follows up runs.
    /// </summary>
    public static IServiceCollection AddFinOpsSchedules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ScheduleSettings>()
            .Configure(s => s.CopyFrom(ScheduleSettings.Read(configuration)))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScheduleSettings>, ScheduleSettingsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IScheduledRunExecutor, ScheduledScanExecutor>();
        services.TryAddSingleton(sp => new ScheduleRunner(sp.GetRequiredService<IScheduleStore>(), sp.GetRequiredService<IScheduledRunExecutor>(),
            sp.GetRequiredService<IOptions<ScheduleSettings>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(),
            startAfter: sp.GetService<History.HistoryRecorder>()?.Restored));
        services.AddHostedService(sp => sp.GetRequiredService<ScheduleRunner>());
        services.TryAddSingleton<ScheduleService>();
        return services;
    }
}
