namespace FinOps.Web.Mcp;

/// <summary>
/// Which browser origins may call <c>/mcp</c>: requests without an <c>Origin</c> (MCP clients that are not browsers)
/// and origins whose host is one of <c>AllowedHosts</c> (<c>*</c> allows any).
/// </summary>
public sealed class McpOriginPolicy
{
    private readonly HashSet<string> _hosts;
    private readonly bool _any;

    public McpOriginPolicy(string? allowedHosts)
    {
        var hosts = (allowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _any = hosts.Length == 0 || hosts.Contains("*");
        _hosts = new HashSet<string>(hosts.Select(h => h.Trim('[', ']')), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether the request's origin may use the endpoint.</summary>
    public bool Allows(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        // Same-origin pages pass too: their host is an allowed host, since the host filter admitted the request.
        return _any || _hosts.Contains(uri.IdnHost.Trim('[', ']'));
    }
}
