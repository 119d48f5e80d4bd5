using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinOps.Web.Security;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>JSON-RPC messages posted to <c>/mcp</c> as raw HTTP, for tests of what the endpoint does with malformed ones.</summary>
public static class RawMcp
{
    /// <summary>A POST of <paramref name="body"/> as <c>application/json</c>, accepting JSON and SSE, with an optional API key.</summary>
    public static HttpRequestMessage Post(string body, string? apiKey = null, string path = "/mcp")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        if (apiKey is not null)
        {
            request.Headers.Add(RequestKinds.ApiKeyHeader, apiKey);
        }

        return request;
    }

    /// <summary>A <c>tools/call</c> message of <paramref name="tool"/> with arguments given as a JSON object text.</summary>
    public static string ToolCall(string tool, string argumentsJson = "{}", int id = 7) =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"tools/call\",\"params\":{{\"name\":{JsonSerializer.Serialize(tool)},\"arguments\":{argumentsJson}}}}}";

    /// <summary>The JSON-RPC message of a response body (plain JSON or the first data line of an SSE stream), or null.</summary>
    public static JsonNode? Payload(string body)
    {
        var text = body.TrimStart();
        if (text.StartsWith("event:", StringComparison.Ordinal) || text.StartsWith("data:", StringComparison.Ordinal))
        {
            text = string.Join("", text.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].Trim()).Take(1));
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The error message of a JSON-RPC error answer, or null.</summary>
    public static string? ErrorMessage(JsonNode? payload) =>
        payload is JsonObject o && o["error"] is JsonObject error && error["message"] is JsonValue message && message.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The text of a tool's answer (its first text block), or null.</summary>
    public static string? ToolText(JsonNode? payload) =>
        payload is JsonObject o && o["result"] is JsonObject result && result["content"] is JsonArray { Count: > 0 } content
            && content[0] is JsonObject block && block["text"] is JsonValue text && text.TryGetValue<string>(out var value) ? value : null;

    /// <summary>Whether the tool's answer is a tool error.</summary>
    public static bool IsToolError(JsonNode? payload) =>
        payload is JsonObject o && o["result"] is JsonObject result && result["isError"] is JsonValue flag && flag.TryGetValue<bool>(out var isError) && isError;

    /// <summary>Sets a raw Content-Type (or none) on a request, bypassing the header parser.</summary>
    public static HttpRequestMessage WithContentType(this HttpRequestMessage request, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Content!.Headers.Remove("Content-Type");
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return request;
    }
}
