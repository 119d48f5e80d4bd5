using FinOps.Domain.Schedules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FinOps.Notifications;

/// <summary>Registers the channels and <see cref="NotificationsObserver"/> as an <see cref="IScheduledRunObserver"/>.</summary>
public static class NotificationsServiceCollectionExtensions
{
    /// <summary>The named HTTP client of the webhooks (no redirects followed: a webhook that redirects is refused).</summary>
    public const string HttpClientName = "finops-notifications";

    public static IServiceCollection AddFinOpsNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            // The client factory's own logs print each request's URL, and a webhook URL is a secret.
            .RemoveAllLoggers();
        services.TryAddSingleton(sp => new WebhookChannel(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<EmailChannel>();
        services.TryAddSingleton<RetryingSender>();
        services.TryAddSingleton<NotificationDispatcher>();
        services.TryAddSingleton<NotificationsObserver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScheduledRunObserver, NotificationsObserver>(sp => sp.GetRequiredService<NotificationsObserver>()));
        return services;
    }
}
