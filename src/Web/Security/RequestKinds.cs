using Microsoft.Net.Http.Headers;

namespace FinOps.Web.Security;

/// <summary>Tells requests of machines (MCP, export API) from the dashboard's, and reads presented credentials.</summary>
public static class RequestKinds
{
    /// <summary>Where the MCP endpoint is.</summary>
    public const string McpPath = "/mcp";

    /// <summary>Where the export API is.</summary>
    public const string ApiPath = "/api";

    /// <summary>The header an API key is sent in.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>True for the MCP endpoint.</summary>
    public static bool IsMcp(HttpRequest request) => IsMcp(request.Path);

    /// <summary>True for the MCP endpoint's path.</summary>
    public static bool IsMcp(PathString path) => path.StartsWithSegments(McpPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the export API and the OpenAPI document.</summary>
    public static bool IsApi(HttpRequest request) => IsApi(request.Path);

    /// <summary>True for a path of the export API or the OpenAPI document.</summary>
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments(ApiPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for requests answered with JSON/problem details rather than pages.</summary>
    public static bool IsMachine(HttpRequest request) => IsMachine(request.Path);

    /// <summary>True for paths answered with JSON/problem details rather than pages.</summary>
    public static bool IsMachine(PathString path) =>
        IsMcp(path) || IsApi(path)
        || path.StartsWithSegments("/.well-known", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the Blazor circuit's hub (negotiate, websocket).</summary>
    public static bool IsCircuit(HttpRequest request) => request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the request carries <c>Authorization: Bearer …</c>.</summary>
    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The API key presented in <c>X-Api-Key</c> or <c>Authorization: ApiKey …</c>, or null.</summary>
    public static string? ApiKeyOf(HttpRequest request)
    {
        var header = request.Headers[ApiKeyHeader];
        if (header.Count > 0)
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? authorization["ApiKey ".Length..].Trim() : null;
    }
}
