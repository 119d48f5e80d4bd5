using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Owners;

/// <summary>
/// Registers who owns what: <see cref="OwnersOptions"/> (validated at start-up), the directory and the report service;
/// and the digests built from them after a scheduled run (<see cref="FinOps.Domain.Notifications.DigestService"/>, rules
/// from <c>FinOps:Notifications:Rules</c>).
/// </summary>
public static class OwnersServiceCollectionExtensions
{
    public static IServiceCollection AddFinOpsOwners(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OwnersOptions>().Bind(configuration.GetSection(OwnersOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OwnersOptions>, OwnersOptionsValidator>());
        services.TryAddSingleton(sp => OwnerDirectory.Create(sp.GetRequiredService<IOptions<OwnersOptions>>()));
        services.TryAddSingleton<OwnerReportService>();
        services.AddOptions<FinOps.Domain.Notifications.NotificationRulesOptions>()
            .Bind(configuration.GetSection(FinOps.Domain.Notifications.NotificationRulesOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<FinOps.Domain.Notifications.DigestService>();
        return services;
    }
}
