using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace FinOps.Web.Mcp;

/// <summary>
/// Reads a message posted to <c>/mcp</c> before the MCP SDK does and refuses, with a JSON-RPC error that names the member
/// and what it accepts, what the SDK would answer with a bare "An error occurred.", a 500 or a parser's own wording:
/// a body that is not JSON in UTF-8, <c>params</c> that is not an object, <c>initialize</c> without its parameters, a
/// tool call whose <c>name</c> or <c>arguments</c> have the wrong type, a non-string <c>cursor</c>, an unknown log level.
/// Everything else (unknown methods, tools and arguments) is left to the SDK and the tools, which already say what is wrong.
/// </summary>
public static class McpEnvelopeCheck
{
    private const int ParseError = -32700;
    private const int InvalidParams = -32602;

    private const string InitializeShape =
        "initialize params must be {\"protocolVersion\": string, \"capabilities\": object, \"clientInfo\": {\"name\": string, \"version\": string}}";

    private static readonly FrozenSet<string> LogLevels =
        FrozenSet.Create(StringComparer.Ordinal, "debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 64 };

    /// <summary>
    /// Refuses a malformed POST (writing the answer) and returns true; otherwise rewinds the body for the SDK and
    /// returns false. Other methods and non-JSON content types are left to the SDK, which refuses them itself.
    /// </summary>
    public static async Task<bool> RefuseMalformedAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method)
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (contentType.Charset.HasValue && !IsUtf8(contentType.Charset.Value))
        {
            await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, default, ParseError,
                $"Content-Type charset '{McpArguments.Shorten(contentType.Charset.Value ?? "")}' is not accepted; send JSON in UTF-8 " +
                "(\"application/json\" or \"application/json; charset=utf-8\").").ConfigureAwait(false);
            return true;
        }

        request.EnableBuffering();
        string? problem;
        JsonElement id = default;
        try
        {
            using var message = await JsonDocument.ParseAsync(request.Body, Parsing, context.RequestAborted).ConfigureAwait(false);
            problem = Problem(message.RootElement);
            if (problem is not null && message.RootElement.ValueKind == JsonValueKind.Object
                && message.RootElement.TryGetProperty("id", out var given) && given.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                id = given.Clone();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string escapes a lone surrogate (e.g. \uD800), which is not Unicode text.
            await WriteAsync(context, StatusCodes.Status400BadRequest, default, ParseError,
                "Parse error: the body must be one JSON-RPC 2.0 message, a JSON object in UTF-8 with valid Unicode strings " +
                "(no comments, trailing text, lone surrogate escapes or nesting deeper than 64 levels).").ConfigureAwait(false);
            return true;
        }

        if (problem is not null)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, id, InvalidParams, problem).ConfigureAwait(false);
            return true;
        }

        request.Body.Position = 0;
        return false;
    }

    /// <summary>What is wrong with the parameters of a JSON-RPC message, or null when the SDK may read it.</summary>
    public static string? Problem(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object
            || !message.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
        {
            return null; // not a request or notification: the SDK answers these clearly
        }

        var method = methodElement.GetString()!;
        var hasParams = message.TryGetProperty("params", out var parameters) && parameters.ValueKind != JsonValueKind.Null;
        if (hasParams && parameters.ValueKind != JsonValueKind.Object)
        {
            return $"{method}: params must be a JSON object of named parameters; got {Kind(parameters)}.";
        }

        if (hasParams && parameters.TryGetProperty("_meta", out var meta) && meta.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return $"{method}: params._meta must be a JSON object (e.g. {{\"progressToken\": 1}}); got {Kind(meta)}.";
        }

        return method switch
        {
            "initialize" => Initialize(hasParams ? parameters : default),
            "tools/call" => ToolCall(hasParams ? parameters : default),
            "logging/setLevel" => LogLevel(hasParams ? parameters : default),
            _ when method.EndsWith("/list", StringComparison.Ordinal) && hasParams
                && parameters.TryGetProperty("cursor", out var cursor) && cursor.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
                => $"{method}: cursor must be the string nextCursor of a previous answer; got {Kind(cursor)}.",
            _ => null,
        };
    }

    private static string? Initialize(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return InitializeShape + "; params is missing.";
        }

        if (!Is(parameters, "protocolVersion", JsonValueKind.String))
        {
            return InitializeShape + "; protocolVersion is missing or not a string (e.g. \"2025-06-18\").";
        }

        if (!Is(parameters, "capabilities", JsonValueKind.Object))
        {
            return InitializeShape + "; capabilities is missing or not an object (use {} for none).";
        }

        return parameters.TryGetProperty("clientInfo", out var client) && client.ValueKind == JsonValueKind.Object
            && Is(client, "name", JsonValueKind.String) && Is(client, "version", JsonValueKind.String)
            ? null
            : InitializeShape + "; clientInfo is missing, not an object, or lacks a string name or version.";
    }

    private static string? ToolCall(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object || !Is(parameters, "name", JsonValueKind.String))
        {
            return "tools/call params must be {\"name\": a tool name from tools/list, \"arguments\": an object of its arguments}; " +
                "name is missing or not a string.";
        }

        return parameters.TryGetProperty("arguments", out var arguments) && arguments.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null)
            ? $"tools/call: arguments must be a JSON object of the tool's named arguments (e.g. {{\"resource_types\": [\"all\"]}}); got {Kind(arguments)}."
            : null;
    }

    private static string? LogLevel(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("level", out var level)
            && level.ValueKind == JsonValueKind.String && LogLevels.Contains(level.GetString()!)
            ? null
            : "logging/setLevel: level must be one of " + string.Join(", ", LogLevels.Order(StringComparer.Ordinal)) + ".";

    private static bool Is(JsonElement parent, string name, JsonValueKind kind) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == kind;

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static bool IsUtf8(string? charset) =>
        charset is not null && (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    private static async Task WriteAsync(HttpContext context, int status, JsonElement id, int code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            json.WritePropertyName("id");
            if (id.ValueKind == JsonValueKind.Undefined)
            {
                json.WriteNullValue();
            }
            else
            {
                id.WriteTo(json);
            }

            json.WriteStartObject("error");
            json.WriteNumber("code", code);
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }
}
