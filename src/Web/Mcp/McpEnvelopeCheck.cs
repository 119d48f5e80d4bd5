using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Microsoft.Net.Http.Headers;

namespace FinOps.Web.Mcp;

/// <summary>
/// Reads a message posted to <c>/mcp</c> before the MCP SDK does and refuses, with a JSON-RPC error in the product's
/// words that names the member and what it accepts, everything the SDK would answer with a 500, a bare "An error
/// occurred." or its parser's own wording: a body that is not JSON in UTF-8 (or is sent without a JSON content type),
/// strings that are not Unicode text, objects that name a member twice, a malformed envelope (<see cref="JsonRpcEnvelope"/>) and parameters a method does
/// not take (<see cref="McpParameterRules"/>). Unknown methods, tools and arguments are left to the SDK and the tools,
/// which say what is wrong themselves.
/// </summary>
public static class McpEnvelopeCheck
{
    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 64 };

    /// <summary>
    /// Refuses a malformed POST (writing the answer) and returns true; otherwise rewinds the body for the SDK and
    /// returns false. Other methods are left to the SDK.
    /// </summary>
    public static async Task<bool> RefuseMalformedAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return false;
        }

        if (ContentTypeProblem(request.ContentType) is { } contentType)
        {
            await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, default, McpEnvelopeProblem.Request(contentType)).ConfigureAwait(false);
            return true;
        }

        request.EnableBuffering();
        McpEnvelopeProblem? problem;
        JsonElement id = default;
        try
        {
            using var message = await JsonDocument.ParseAsync(request.Body, Parsing, context.RequestAborted).ConfigureAwait(false);
            problem = Problem(message.RootElement);
            if (problem is { Code: McpEnvelopeProblem.InvalidParams } && message.RootElement.TryGetProperty("id", out var given)
                && IsUsableId(given))
            {
                // The envelope was sound and only the parameters were not: the answer carries the request's id, as JSON-RPC asks.
                id = given.Clone();
            }
        }
        catch (JsonException)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, default, new McpEnvelopeProblem(McpEnvelopeProblem.ParseError,
                "Parse error: the body must be one JSON-RPC 2.0 message, a JSON object in UTF-8 " +
                "(no comments, trailing text or nesting deeper than 64 levels).")).ConfigureAwait(false);
            return true;
        }

        if (problem is not null)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, id, problem).ConfigureAwait(false);
            return true;
        }

        request.Body.Position = 0;
        return false;
    }

    /// <summary>What is wrong with a message, or null when the SDK may read it.</summary>
    public static McpEnvelopeProblem? Problem(JsonElement message)
    {
        if (LoneSurrogates.Find(message, "") is { } found)
        {
            var where = found.TrimStart('.');
            var text = $"{(where.Length == 0 || where[0] == ' ' ? "the message" + where : where)}: a string holds a lone surrogate escape " +
                "(such as \\udfff), which is not Unicode text; send characters as themselves or as complete UTF-16 surrogate pairs.";
            return where.StartsWith("params", StringComparison.Ordinal) ? McpEnvelopeProblem.Params(text) : McpEnvelopeProblem.Request(text);
        }

        if (DuplicateMembers.Find(message, "") is { } repeated)
        {
            var where = repeated.TrimStart('.');
            var text = $"{where}: this member appears more than once in its object; name each member once.";
            return where.StartsWith("params", StringComparison.Ordinal) ? McpEnvelopeProblem.Params(text) : McpEnvelopeProblem.Request(text);
        }

        if (JsonRpcEnvelope.Problem(message) is { } envelope)
        {
            return envelope;
        }

        if (message.TryGetProperty("method", out var method) && McpParameterRules.Problem(method.GetString()!, message) is { } parameters)
        {
            return parameters;
        }

        return SdkRefuses(message)
            ? McpEnvelopeProblem.Request("The message is not a JSON-RPC 2.0 message this server can read: a request is " +
                "{\"jsonrpc\": \"2.0\", \"id\": a string or a whole number, \"method\": a string, \"params\": an object}.")
            : null;
    }

    /// <summary>Whether an id can be sent back: a string of plain text or a whole number that fits 64 bits.</summary>
    private static bool IsUsableId(JsonElement id) =>
        id.ValueKind == JsonValueKind.Number ? id.TryGetInt64(out _)
        : id.ValueKind == JsonValueKind.String && LoneSurrogates.Find(id, "") is null && !JsonPaths.HasControlCharacters(id.GetString()!);

    /// <summary>Null for <c>application/json</c> (any letter case, <c>charset=utf-8</c> optional); otherwise what is accepted.</summary>
    private static string? ContentTypeProblem(string? contentType)
    {
        const string Accepted = "send the JSON-RPC message as \"application/json\" (optionally \"application/json; charset=utf-8\")";
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return $"Content-Type is missing; {Accepted}.";
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || !parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return $"Content-Type '{McpArguments.Shorten(contentType)}' is not accepted; {Accepted}.";
        }

        var charset = parsed.Charset.Value;
        return !parsed.Charset.HasValue || charset is not null && (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            ? null
            : $"Content-Type charset '{McpArguments.Shorten(charset ?? "")}' is not accepted; {Accepted}.";
    }

    /// <summary>
    /// Whether the SDK's own reader would refuse the message: the last guard, so that no case the rules above miss ever
    /// reaches a client in the parser's words.
    /// </summary>
    private static bool SdkRefuses(JsonElement message)
    {
        try
        {
            _ = JsonSerializer.Deserialize(message, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage)));
            return false;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return true;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonElement id, McpEnvelopeProblem problem)
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
            json.WriteNumber("code", problem.Code);
            json.WriteString("message", problem.Message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }
}
