using System.Collections.Frozen;
using System.Text.Json;

namespace FinOps.Web.Mcp;

/// <summary>
/// The rules of a JSON-RPC 2.0 envelope as the MCP SDK reads it, said in the product's words: one object (no batches),
/// only the members <c>jsonrpc</c>, <c>id</c>, <c>method</c>, <c>params</c>, <c>result</c>, <c>error</c>; <c>jsonrpc</c>
/// the string "2.0"; <c>id</c> a string or a whole number that fits 64 bits; <c>method</c> a short string without control
/// characters; a response with its id and a result or a well-formed error.
/// </summary>
public static class JsonRpcEnvelope
{
    /// <summary>The longest method name accepted (MCP's are a few words, e.g. <c>notifications/roots/list_changed</c>).</summary>
    public const int MaxMethodLength = 128;

    private const string Shape =
        "a JSON-RPC 2.0 request is {\"jsonrpc\": \"2.0\", \"id\": a string or a whole number, \"method\": a string, \"params\": an object}";

    private static readonly FrozenSet<string> Members =
        FrozenSet.Create(StringComparer.Ordinal, "jsonrpc", "id", "method", "params", "result", "error");

    /// <summary>What is wrong with the envelope of <paramref name="message"/>, or null when the SDK may read it.</summary>
    public static McpEnvelopeProblem? Problem(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return McpEnvelopeProblem.Request(message.ValueKind == JsonValueKind.Array
                ? $"The body must be one JSON-RPC 2.0 message, a JSON object; a batch (a JSON array) is not accepted. {Capitalised(Shape)}."
                : $"The body must be one JSON-RPC 2.0 message, a JSON object; got {JsonPaths.Kind(message)}. {Capitalised(Shape)}.");
        }

        foreach (var member in message.EnumerateObject())
        {
            if (!Members.Contains(member.Name))
            {
                return McpEnvelopeProblem.Request(
                    $"Unexpected member '{McpArguments.Shorten(member.Name)}': a JSON-RPC 2.0 message has only jsonrpc, id, method, params " +
                    "(requests and notifications) or jsonrpc, id, result, error (responses).");
            }
        }

        if (!message.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || !version.ValueEquals("2.0"))
        {
            return McpEnvelopeProblem.Request(
                $"jsonrpc must be the string \"2.0\"; got {(version.ValueKind == JsonValueKind.Undefined ? "no jsonrpc member" : Describe(version))}.");
        }

        var hasMethod = message.TryGetProperty("method", out var method);
        if (message.TryGetProperty("id", out var id) && IdProblem(id, hasMethod, message.TryGetProperty("error", out _)) is { } idProblem)
        {
            return McpEnvelopeProblem.Request(idProblem);
        }

        return hasMethod ? MethodProblem(method) : ResponseProblem(message);
    }

    private static string? IdProblem(JsonElement id, bool isRequest, bool isError)
    {
        const string Accepted = "id must be a string or a whole number between -9223372036854775808 and 9223372036854775807 (no fraction or exponent)";
        switch (id.ValueKind)
        {
            case JsonValueKind.String:
                var text = id.GetString()!;
                return JsonPaths.HasControlCharacters(text) ? "id must not hold control characters (line breaks, tabs, …); use plain text or a number." : null;
            case JsonValueKind.Number:
                return id.TryGetInt64(out _) ? null : $"{Accepted}; got {McpArguments.Shorten(id.GetRawText())}.";
            case JsonValueKind.Null when isRequest:
                return "id must not be null on a request: use a string or a whole number, or leave id out to send a notification.";
            case JsonValueKind.Null when isError:
                return null;
            default:
                return $"{Accepted}; got {JsonPaths.Kind(id)}.";
        }
    }

    private static McpEnvelopeProblem? MethodProblem(JsonElement method)
    {
        if (method.ValueKind != JsonValueKind.String)
        {
            return McpEnvelopeProblem.Request($"method must be a string naming an MCP method (e.g. \"tools/list\"); got {JsonPaths.Kind(method)}.");
        }

        var name = method.GetString()!;
        if (JsonPaths.HasControlCharacters(name))
        {
            return McpEnvelopeProblem.Request("method must not hold control characters (line breaks, tabs, …); MCP methods are names such as \"tools/list\".");
        }

        return name.Length > MaxMethodLength
            ? McpEnvelopeProblem.Request($"method is {name.Length:N0} characters long; MCP methods are short names such as \"tools/list\" (at most {MaxMethodLength}).")
            : null;
    }

    /// <summary>A message without a method is a response: it answers a request by its id, with a result or an error.</summary>
    private static McpEnvelopeProblem? ResponseProblem(JsonElement message)
    {
        var hasResult = message.TryGetProperty("result", out _);
        var hasError = message.TryGetProperty("error", out var error);
        if (!hasResult && !hasError)
        {
            return McpEnvelopeProblem.Request($"method is missing: {Shape}; a response carries result or error instead.");
        }

        if (hasError && (error.ValueKind != JsonValueKind.Object
            || !error.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out _)
            || !error.TryGetProperty("message", out var text) || text.ValueKind != JsonValueKind.String))
        {
            return McpEnvelopeProblem.Request("error must be an object {\"code\": a whole number, \"message\": a string, \"data\": optional}.");
        }

        return !hasError && (!message.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null)
            ? McpEnvelopeProblem.Request("A response needs the id of the request it answers (a string or a whole number).")
            : null;
    }

    private static string Describe(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? $"\"{McpArguments.Shorten(value.GetString()!)}\"" : JsonPaths.Kind(value);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
