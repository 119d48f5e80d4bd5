using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// Per-client rate limits on <c>/mcp</c>, <c>/api</c> and sign-in: a token bucket per user, API key or (for callers
/// without credentials) IP address, so one busy client is slowed while others are served. Refusals are 429 problems
/// with <c>Retry-After</c>. The local user of local mode on loopback is not limited (it is the machine's own user).
/// </summary>
public static class ClientRateLimits
{
    /// <summary>The policy name endpoints opt in with (<c>.RequireRateLimiting(ClientRateLimits.Policy)</c>).</summary>
    public const string Policy = "FinOps.PerClient";

    /// <summary>Registers the limiter and its policy.</summary>
    public static IServiceCollection AddClientRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RequestLimitsOptions>>((options, limits) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => RejectAsync(context, limits.Value);
            options.AddPolicy(Policy, context => Partition(context, limits.Value));
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>The bucket a request draws from.</summary>
    public static RateLimitPartition<string> Partition(HttpContext context, RequestLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        var user = context.User;
        var remote = context.Connection.RemoteIpAddress;
        if (user.Identity?.AuthenticationType == PermissionClaims.LocalAuthenticationType && (remote is null || IPAddress.IsLoopback(remote)))
        {
            return RateLimitPartition.GetNoLimiter("local");
        }

        var key = user.Identity?.IsAuthenticated == true && user.Identity.AuthenticationType != PermissionClaims.LocalAuthenticationType
            ? "caller:" + user.ActorOf()
            : "address:" + (remote?.ToString() ?? "unknown");
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.RateLimitBurst,
            TokensPerPeriod = limits.RateLimitPerPeriod,
            ReplenishmentPeriod = limits.RateLimitPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, RequestLimitsOptions limits)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero
            ? wait
            : limits.RateLimitPeriod;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await MachineResponses.WriteProblemAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This client sent more than {limits.RateLimitBurst} requests in a burst; try again in {seconds} s.").ConfigureAwait(false);
    }
}
