using FinOps.Domain.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FinOps.Aws.Live;

/// <summary>Registers the live AWS adapters behind the domain ports.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>FinOps:Aws</c> (validated at start), and registers the shared credentials, the HTTP transport, the
    /// regional client factory, the region catalogue, the inventory (regional and global), Cost Explorer, the STS account identity
    /// and the start-up identity check.
    /// </summary>
    public static IServiceCollection AddAwsAccount(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AwsOptions>()
            .Bind(configuration.GetSection(AwsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new AccountCredentials(sp.GetRequiredService<IOptions<AwsOptions>>().Value));
        services.TryAddSingleton(sp => new AwsHttpTransport(sp.GetRequiredService<IOptions<AwsOptions>>().Value));
        services.TryAddSingleton<RegionalClientFactory>();
        services.TryAddSingleton<StsAccountIdentity>();
        services.AddSingleton<IAccountIdentity>(sp => sp.GetRequiredService<StsAccountIdentity>());
        services.AddSingleton<IRegionCatalogue, Ec2RegionCatalogue>();
        services.TryAddSingleton<AwsInventorySource>();
        services.AddSingleton<IRegionalResourceSource>(sp => sp.GetRequiredService<AwsInventorySource>());
        services.AddSingleton<IGlobalResourceSource>(sp => sp.GetRequiredService<AwsInventorySource>());
        services.AddSingleton<ICostSource, CostExplorerCostSource>();
        services.TryAddSingleton<AwsStartupCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<AwsStartupCheck>());
        return services;
    }
}
