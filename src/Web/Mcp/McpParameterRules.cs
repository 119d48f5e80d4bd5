using System.Collections.Frozen;
using System.Text.Json;

namespace FinOps.Web.Mcp;

/// <summary>
/// The parameters each MCP method takes, checked before the SDK reads them: <c>params</c> an object; <c>initialize</c>
/// with its version, capabilities and client; a tool call's <c>name</c> (a plain tool name) and <c>arguments</c> (an
/// object); a known log level; a string cursor; then every member against the SDK's own parameter types
/// (<see cref="McpParameterShapes"/>), so a value of the wrong type is named instead of failing the request.
/// </summary>
public static class McpParameterRules
{
    /// <summary>The longest tool name accepted (the tools' names are a few words in snake_case).</summary>
    public const int MaxToolNameLength = 128;

    private const string InitializeShape =
        "initialize params must be {\"protocolVersion\": string, \"capabilities\": object, \"clientInfo\": {\"name\": string, \"version\": string}}";

    private static readonly FrozenSet<string> LogLevels =
        FrozenSet.Create(StringComparer.Ordinal, "debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    /// <summary>What is wrong with the parameters of a request or notification of <paramref name="method"/>, or null.</summary>
    public static McpEnvelopeProblem? Problem(string method, JsonElement message)
    {
        ArgumentNullException.ThrowIfNull(method);
        var hasParams = message.TryGetProperty("params", out var parameters) && parameters.ValueKind != JsonValueKind.Null;
        if (hasParams && parameters.ValueKind != JsonValueKind.Object)
        {
            return McpEnvelopeProblem.Params($"{method}: params must be a JSON object of named parameters; got {JsonPaths.Kind(parameters)}.");
        }

        if (hasParams && parameters.TryGetProperty("_meta", out var meta) && meta.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return McpEnvelopeProblem.Params($"{method}: params._meta must be a JSON object (e.g. {{\"progressToken\": 1}}); got {JsonPaths.Kind(meta)}.");
        }

        var problem = method switch
        {
            "initialize" => Initialize(hasParams ? parameters : default),
            "tools/call" => ToolCall(hasParams ? parameters : default),
            "logging/setLevel" => LogLevel(hasParams ? parameters : default),
            _ when method.EndsWith("/list", StringComparison.Ordinal) && hasParams
                && parameters.TryGetProperty("cursor", out var cursor) && cursor.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
                => $"{method}: cursor must be the string nextCursor of a previous answer; got {JsonPaths.Kind(cursor)}.",
            _ => null,
        };
        if (problem is not null)
        {
            return McpEnvelopeProblem.Params(problem);
        }

        return hasParams && McpParameterShapes.Problem(method, parameters) is { } shape ? McpEnvelopeProblem.Params(shape) : null;
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

        var name = parameters.GetProperty("name").GetString()!;
        if (JsonPaths.HasControlCharacters(name) || name.Length > MaxToolNameLength)
        {
            return $"tools/call: name must be a tool name from tools/list (at most {MaxToolNameLength} characters, no control characters).";
        }

        return parameters.TryGetProperty("arguments", out var arguments) && arguments.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null)
            ? $"tools/call: arguments must be a JSON object of the tool's named arguments (e.g. {{\"resource_types\": [\"all\"]}}); got {JsonPaths.Kind(arguments)}."
            : null;
    }

    private static string? LogLevel(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("level", out var level)
            && level.ValueKind == JsonValueKind.String && LogLevels.Contains(level.GetString()!)
            ? null
            : "logging/setLevel: level must be one of " + string.Join(", ", LogLevels.Order(StringComparer.Ordinal)) + ".";

    private static bool Is(JsonElement parent, string name, JsonValueKind kind) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == kind;
}
