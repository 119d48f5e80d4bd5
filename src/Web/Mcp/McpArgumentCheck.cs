using System.Globalization;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>
/// Checks a tool call's arguments against the tool's input schema before the tool runs: unknown names, missing
/// required arguments and wrong JSON types become a tool error that names the argument and what it accepts (the
/// SDK would otherwise fail the call with a message that names nothing). A tool's own refusal (<see cref="McpErrors"/>)
/// becomes the same kind of tool error.
/// </summary>
public static class McpArgumentCheck
{
    /// <summary>The call-tool filter.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is McpServerTool tool
                && Problem(tool.ProtocolTool, context.Params?.Arguments) is { } problem)
            {
                return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = problem }] };
            }

            try
            {
                return await next(context, cancellationToken).ConfigureAwait(false);
            }
            catch (McpException refusal) when (refusal is not McpProtocolException)
            {
                // A tool's refusal (written for people) is an answer, not a server fault: the SDK would log it as an
                // unhandled exception with its stack trace.
                return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = refusal.Message }] };
            }
        };

    /// <summary>What is wrong with the arguments, or null when they fit the schema.</summary>
    public static string? Problem(Tool tool, IEnumerable<KeyValuePair<string, JsonElement>>? arguments)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var schema = tool.InputSchema;
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal)
            : [];
        var given = (arguments ?? []).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var accepted = properties.Count == 0 ? "it takes no arguments" : "accepted arguments: " + string.Join(", ", properties.Keys);

        foreach (var name in given.Keys)
        {
            if (!properties.ContainsKey(name))
            {
                return $"{tool.Name}: unknown argument '{McpArguments.Shorten(name)}'; {accepted}.";
            }
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (!given.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    return $"{tool.Name}: argument '{name}' is required ({Expected(properties[name])}). {Description(properties[name])}".TrimEnd();
                }
            }
        }

        foreach (var (name, value) in given)
        {
            var property = properties[name];
            if (!Fits(property, value))
            {
                return $"{tool.Name}: argument '{name}' must be {Expected(property)}; got {Describe(value)}. {Description(property)}".TrimEnd();
            }
        }

        return null;
    }

    private static bool Fits(JsonElement schema, JsonElement value)
    {
        var types = Types(schema);
        if (types.Count == 0)
        {
            return true;
        }

        foreach (var type in types)
        {
            var fits = type switch
            {
                "null" => value.ValueKind == JsonValueKind.Null,
                "string" => value.ValueKind == JsonValueKind.String,
                "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
                "number" => value.ValueKind == JsonValueKind.Number,
                "object" => value.ValueKind == JsonValueKind.Object,
                "array" => value.ValueKind == JsonValueKind.Array
                    && (!schema.TryGetProperty("items", out var items) || value.EnumerateArray().All(v => Fits(items, v))),
                _ => true,
            };
            if (fits)
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return [];
        }

        return type.ValueKind == JsonValueKind.Array
            ? [.. type.EnumerateArray().Select(t => t.GetString()).OfType<string>()]
            : type.GetString() is { } single ? [single] : [];
    }

    private static string Expected(JsonElement schema)
    {
        var types = Types(schema).Where(t => t != "null").ToList();
        var words = types.Select(t => t switch
        {
            "array" when schema.TryGetProperty("items", out var items) && Types(items).Contains("string") => "a list of strings",
            "array" => "a list",
            "integer" => "a whole number",
            "number" => "a number",
            "boolean" => "true or false",
            "string" => "a string",
            "object" => "an object",
            _ => t,
        });
        return string.Join(" or ", words);
    }

    private static string Description(JsonElement schema) =>
        schema.TryGetProperty("description", out var d) && d.GetString() is { Length: > 0 } text ? text : "";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => string.Create(CultureInfo.InvariantCulture, $"the number {McpArguments.Shorten(value.GetRawText())}"),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "a list whose items do not fit",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
