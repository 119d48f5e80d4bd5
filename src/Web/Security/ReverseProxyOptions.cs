namespace FinOps.Web.Security;

/// <summary>
/// The reverse proxy in front of the app (section <c>FinOps:ReverseProxy</c>). Only requests from these addresses may
/// set <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>, so the app sees the real client (rate limits, logs) and
/// builds https sign-in redirects.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "FinOps:ReverseProxy";

    /// <summary>Addresses of the proxies (e.g. <c>10.0.0.5</c>).</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form (e.g. <c>10.0.0.0/24</c>).</summary>
    public IList<string> KnownNetworks { get; set; } = [];

    /// <summary>True when a proxy is configured.</summary>
    public bool Configured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
