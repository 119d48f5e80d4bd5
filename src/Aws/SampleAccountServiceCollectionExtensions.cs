using FinOps.Aws.Sample;
using FinOps.Domain.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FinOps.Aws;

/// <summary>Registers the built-in sample account as the source of regions, resources, costs and identity.</summary>
public static class SampleAccountServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SampleAccountOptions"/> from <c>FinOps:Sample</c> (validated at start-up, messages name the
    /// setting) and registers one shared <see cref="SampleAccount"/> behind every port.
    /// </summary>
    public static IServiceCollection AddSampleAccount(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SampleAccountOptions>()
            .Bind(configuration.GetSection(SampleAccountOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SampleAccount(
            sp.GetRequiredService<IOptions<SampleAccountOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            DayFile(sp, configuration)));
        services.TryAddSingleton<SampleRegionCatalogue>();
        services.TryAddSingleton<SampleResourceSource>();
        services.TryAddSingleton<SampleCostSource>();
        services.TryAddSingleton<SampleAccountIdentity>();

        services.AddSingleton<IRegionCatalogue>(sp => sp.GetRequiredService<SampleRegionCatalogue>());
        services.AddSingleton<IRegionalResourceSource>(sp => sp.GetRequiredService<SampleResourceSource>());
        services.AddSingleton<IGlobalResourceSource>(sp => sp.GetRequiredService<SampleResourceSource>());
        services.AddSingleton<ICostSource>(sp => sp.GetRequiredService<SampleCostSource>());
        services.AddSingleton<IAccountIdentity>(sp => sp.GetRequiredService<SampleAccountIdentity>());
        services.AddSingleton<IScanStartObserver>(sp => sp.GetRequiredService<SampleAccountIdentity>());
        return services;
    }

    /// <summary>
    /// <c>{FinOps:DataPath}/sample-day.txt</c>, where an evolving sample account keeps its scan count across restarts
    /// (a relative data path is under the content root, as for the policy and the history store).
    /// </summary>
    private static string DayFile(IServiceProvider services, IConfiguration configuration)
    {
        var dataPath = configuration["FinOps:DataPath"];
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return Path.Combine(Path.GetFullPath(string.IsNullOrWhiteSpace(dataPath) ? "App_Data" : dataPath, root), "sample-day.txt");
    }
}
