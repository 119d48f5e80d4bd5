using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FinOps.Domain.Waivers;

/// <summary>Registers waivers (the store, <see cref="IWaiverStore"/>, comes from elsewhere).</summary>
public static class WaiverServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="WaiverOptions"/> from <c>FinOps:Waivers</c> (validated at start-up: a bad value stops the host
    /// with a message naming the setting) and registers <see cref="WaiverService"/> as the account state's
    /// <see cref="IWaiverBookSource"/>.
    /// </summary>
    public static IServiceCollection AddFinOpsWaivers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WaiverOptions>()
            .Bind(configuration.GetSection(WaiverOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WaiverService>();
        services.TryAddSingleton<IWaiverBookSource>(sp => sp.GetRequiredService<WaiverService>());
        return services;
    }
}
