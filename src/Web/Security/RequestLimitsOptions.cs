using System.ComponentModel.DataAnnotations;

namespace FinOps.Web.Security;

/// <summary>Request size and rate limits (section <c>FinOps:Limits</c>).</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "FinOps:Limits";

    /// <summary>
    /// Largest request body to <c>/mcp</c>. The largest argument is an imported policy (at most 1 MiB of JSON, which
    /// can double when escaped inside the call), so the default leaves room for that and refuses anything bigger.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long McpRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest request body to <c>/api</c> (its endpoints take query parameters only).</summary>
    [Range(0, 64 * 1024 * 1024)]
    public long ApiRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Requests a client may make at once before it is limited (token bucket size).</summary>
    [Range(1, 100_000)]
    public int RateLimitBurst { get; set; } = 60;

    /// <summary>Requests a client regains per <see cref="RateLimitPeriod"/>.</summary>
    [Range(1, 100_000)]
    public int RateLimitPerPeriod { get; set; } = 30;

    /// <summary>The refill period of the token bucket.</summary>
    public TimeSpan RateLimitPeriod { get; set; } = TimeSpan.FromSeconds(10);
}
