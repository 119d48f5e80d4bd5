namespace FinOps.Web.Mcp;

/// <summary>
/// Which browser origins may call <c>/mcp</c>: requests without an <c>Origin</c> (MCP clients that are not browsers),
/// and the app's own origins, compared by scheme, host and port: the origin the request was sent to, and every host of
/// <c>AllowedHosts</c> on a scheme and port the app listens on. Another site on the same machine (another port) or the
/// same host over another scheme is a different origin and is refused.
/// </summary>
public sealed class McpOriginPolicy
{
    private readonly string[] _hosts;
    private readonly Func<IEnumerable<string>> _listeningAddresses;

    /// <param name="allowedHosts">The <c>AllowedHosts</c> setting (<c>;</c>-separated; <c>*.example.com</c> covers subdomains).</param>
    /// <param name="listeningAddresses">The addresses the server listens on, read when a request needs them (they are known once it has started).</param>
    public McpOriginPolicy(string? allowedHosts, Func<IEnumerable<string>> listeningAddresses)
    {
        _hosts = [.. (allowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(h => h != "*")
            .Select(h => h.Trim('[', ']'))];
        _listeningAddresses = listeningAddresses;
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

        if (!TryParseOrigin(origin, out var scheme, out var host, out var port))
        {
            return false;
        }

        if (SameOrigin(scheme, host, port, request.Scheme, request.Host.Host.Trim('[', ']'), request.Host.Port ?? DefaultPort(request.Scheme)))
        {
            return true;
        }

        return IsAllowedHost(host) && _listeningAddresses().Any(address =>
            TryParseListening(address, out var listenScheme, out var listenPort)
            && string.Equals(listenScheme, scheme, StringComparison.OrdinalIgnoreCase) && listenPort == port);
    }

    /// <summary>An origin is <c>scheme://host[:port]</c> with an http(s) scheme and nothing after the authority.</summary>
    private static bool TryParseOrigin(string origin, out string scheme, out string host, out int port)
    {
        scheme = host = "";
        port = 0;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }

        scheme = uri.Scheme;
        host = uri.IdnHost.Trim('[', ']');
        port = uri.Port;
        return true;
    }

    private static bool TryParseListening(string address, out string scheme, out int port)
    {
        scheme = "";
        port = 0;
        try
        {
            var binding = BindingAddress.Parse(address);
            scheme = binding.Scheme;
            port = binding.Port;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool SameOrigin(string scheme, string host, int port, string ownScheme, string ownHost, int ownPort) =>
        string.Equals(scheme, ownScheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(host, ownHost, StringComparison.OrdinalIgnoreCase)
        && port == ownPort;

    private bool IsAllowedHost(string host) =>
        _hosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(allowed, host, StringComparison.OrdinalIgnoreCase));

    private static int DefaultPort(string scheme) => string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
}
