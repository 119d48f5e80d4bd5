using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>Forwarded headers from the configured reverse proxies only (see <see cref="ReverseProxyOptions"/>).</summary>
public static class ReverseProxySupport
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReverseProxyOptions>().Bind(configuration.GetSection(ReverseProxyOptions.Section))
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
                $"{ReverseProxyOptions.Section}:KnownProxies must list IP addresses (e.g. 10.0.0.5).")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                $"{ReverseProxyOptions.Section}:KnownNetworks must list networks in CIDR form (e.g. 10.0.0.0/24).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                if (IPAddress.TryParse(address, out var ip))
                {
                    o.KnownProxies.Add(ip);
                }
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    o.KnownIPNetworks.Add(parsed);
                }
            }
        });
        return services;
    }

    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Configured)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
