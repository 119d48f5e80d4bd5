using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FinOps.Web.Security;

namespace FinOps.Tests.Integration.Security.Sweep;

/// <summary>
/// Generators of HTTP requests to the app's endpoints: declared and undeclared methods, hostile route values and query
/// strings (known parameter names and made-up ones, well and badly percent-encoded), hostile headers and bodies, and
/// credentials of every kind: valid keys of each role, none, and made-up keys and tokens carrying a marker that must
/// never come back.
/// </summary>
public sealed partial class HostileRequests(IReadOnlyList<DiscoveredEndpoint> endpoints, string marker)
{
    private static readonly string[] OtherMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND"];

    private static readonly string[] GenericQueryNames =
        ["period", "regions", "region", "format", "metric", "severity", "columns", "returnUrl", "id", "page", "q", "cursor", "limit", "types", "x"];

    private static readonly string[] HeaderNames =
    [
        "Origin", "Accept", "X-Correlation-Id", "Cookie", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Accept-Language",
        "If-None-Match", "If-Modified-Since", "Range", "Referer", "User-Agent", "Mcp-Session-Id", "MCP-Protocol-Version", "Last-Event-ID",
        "Accept-Encoding", "Content-Encoding", "X-Requested-With", "Sec-Fetch-Site", "Upgrade", "Connection", "Host",
    ];

    private static readonly string[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
         "application/json;;;", "//", "", "application/json; charset=utf-16", "text/event-stream"];

    /// <summary>A request to any discovered endpoint.</summary>
    public Gen<SweepRequest> Any =>
        from endpoint in Gen.Elements(endpoints.ToArray())
        from request in To(endpoint)
        select request;

    /// <summary>The credentials of a request: a valid key of some role, none, or a made-up key or token.</summary>
    public Gen<KeyValuePair<string, string>[]> Credentials => Gen.Frequency(
        (6, Gen.Constant(new[] { Header(RequestKinds.ApiKeyHeader, TestApiKeys.Admin) })),
        (1, Gen.Elements(TestApiKeys.Viewer, TestApiKeys.Analyst, TestApiKeys.Manager).Select(k => new[] { Header(RequestKinds.ApiKeyHeader, k) })),
        (1, Gen.Constant(Array.Empty<KeyValuePair<string, string>>())),
        (1, Gen.Elements(
            Header(RequestKinds.ApiKeyHeader, "fk_" + marker),
            Header("Authorization", "Bearer " + marker),
            Header("Authorization", "Bearer eyJhbGciOiJub25lIn0." + marker + "."),
            Header("Authorization", "ApiKey " + marker),
            Header("Authorization", "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("admin:" + marker)))).Select(h => new[] { h })));

    /// <summary>0–3 hostile headers (no line breaks: a header cannot carry them).</summary>
    public static Gen<KeyValuePair<string, string>[]> ExtraHeaders =>
        Gen.Zip(Gen.Elements(HeaderNames), HostileValues.HeaderText).Select(p => Header(p.Item1, p.Item2)).ArrayOf()
            .Select(headers => headers.Take(3).ToArray());

    /// <summary>A request to <paramref name="endpoint"/>.</summary>
    public Gen<SweepRequest> To(DiscoveredEndpoint endpoint) =>
        from method in Gen.Frequency(
            (6, Gen.Elements(endpoint.Methods.Count > 0 ? endpoint.Methods.ToArray() : ["GET"])),
            (1, Gen.Elements(OtherMethods)))
        from path in Path(endpoint)
        from query in Query(endpoint)
        from credentials in Credentials
        from headers in ExtraHeaders
        from body in method is "POST" or "PUT" or "PATCH"
            ? Gen.Frequency((1, Gen.Constant<string?>(null)), (2, HostileValues.JsonValue(2).Select(s => (string?)s)), (1, HostileValues.Text.Select(s => (string?)s)))
            : Gen.Constant<string?>(null)
        from contentType in Gen.Elements(ContentTypes)
        select new SweepRequest(method, path + query, [.. credentials, .. headers], body, body is null ? null : contentType);

    private static Gen<string> Path(DiscoveredEndpoint endpoint)
    {
        var values = endpoint.RouteParameters.Select(_ => Gen.Frequency(
            (2, Gen.Elements("eu-west-1", "global", "scan-0123456789abcdef", "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc1234").Select(Encode)),
            (3, HostileValues.Text.Select(Encode)),
            (1, Gen.Elements(HostileValues.Curated).Where(IsPathSafe))));
        return Gen.CollectToList(values).Select(filled =>
        {
            var i = 0;
            var path = RouteParameter().Replace(endpoint.Pattern, _ => i < filled.Count ? filled[i++] : "x");
            return path.StartsWith('/') ? path : "/" + path;
        });
    }

    private static Gen<string> Query(DiscoveredEndpoint endpoint)
    {
        var names = endpoint.QueryParameters.Count > 0
            ? Gen.Frequency((4, Gen.Elements(endpoint.QueryParameters.ToArray())), (1, Gen.Elements(GenericQueryNames)), (1, HostileValues.Text))
            : Gen.Frequency((3, Gen.Elements(GenericQueryNames)), (1, HostileValues.Text));
        var value = Gen.Frequency(
            (4, HostileValues.Text.Select(Encode)),
            (1, Gen.Elements(HostileValues.Curated).Where(IsPathSafe)));
        var pair = Gen.Zip(names.Select(Encode), value).Select(p => p.Item1 + "=" + p.Item2);
        return pair.ArrayOf().Select(pairs => pairs.Length == 0 ? "" : "?" + string.Join("&", pairs.Take(4)));
    }

    /// <summary>Percent-encodes everything but unreserved characters (UTF-8; a lone surrogate becomes U+FFFD, as a browser sends it).</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    /// <summary>Raw text that can stand in a URL as it is (printable ASCII, nothing that ends the path or query).</summary>
    private static bool IsPathSafe(string text) => text.Length is > 0 and < 400 && text.All(c => c is > ' ' and < '\u007f' and not ('#' or '?' or '&' or '\\'));

    private static KeyValuePair<string, string> Header(string name, string value) => new(name, value);

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
