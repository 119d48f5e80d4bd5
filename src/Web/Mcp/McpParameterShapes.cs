using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace FinOps.Web.Mcp;

/// <summary>
/// Checks the parameters of the methods this server answers against the SDK's own parameter types, reading them as the
/// SDK will. A member of the wrong type is named, with the type the SDK's contract expects there
/// (<c>initialize: params.capabilities.sampling must be an object; got a string</c>), rather than failing the request
/// with the parser's words or a 500.
/// </summary>
public static class McpParameterShapes
{
    private static readonly FrozenDictionary<string, Type> ParameterTypes = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["initialize"] = typeof(InitializeRequestParams),
        ["ping"] = typeof(PingRequestParams),
        ["tools/list"] = typeof(ListToolsRequestParams),
        ["tools/call"] = typeof(CallToolRequestParams),
        ["resources/list"] = typeof(ListResourcesRequestParams),
        ["resources/templates/list"] = typeof(ListResourceTemplatesRequestParams),
        ["resources/read"] = typeof(ReadResourceRequestParams),
        ["resources/subscribe"] = typeof(SubscribeRequestParams),
        ["resources/unsubscribe"] = typeof(UnsubscribeRequestParams),
        ["prompts/list"] = typeof(ListPromptsRequestParams),
        ["prompts/get"] = typeof(GetPromptRequestParams),
        ["completion/complete"] = typeof(CompleteRequestParams),
        ["notifications/initialized"] = typeof(InitializedNotificationParams),
        ["notifications/cancelled"] = typeof(CancelledNotificationParams),
        ["notifications/progress"] = typeof(ProgressNotificationParams),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static JsonSerializerOptions Options => McpJsonUtilities.DefaultOptions;

    /// <summary>What is wrong with <paramref name="parameters"/> of <paramref name="method"/>, or null (also for methods it does not know).</summary>
    public static string? Problem(string method, JsonElement parameters)
    {
        if (!ParameterTypes.TryGetValue(method, out var type))
        {
            return null;
        }

        var contract = Options.GetTypeInfo(type);
        try
        {
            _ = JsonSerializer.Deserialize(parameters, contract);
            return null;
        }
        catch (JsonException failure)
        {
            return Describe(method, parameters, contract, failure.Path);
        }
        catch (Exception failure) when (failure is InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            // A converter refused a value it read (an unknown enum name, a malformed URI, …).
            return $"{method}: a member of params has a value the MCP specification does not allow for it; check params against the {method} schema.";
        }
    }

    /// <summary>Names the member at <paramref name="path"/> (<c>$.a.b[0]</c>), what its contract expects and what was sent.</summary>
    private static string Describe(string method, JsonElement parameters, JsonTypeInfo contract, string? path)
    {
        var segments = Segments(path);
        var value = parameters;
        var expected = contract;
        var where = "params";
        foreach (var segment in segments)
        {
            if (segment.Index is { } index)
            {
                where += $"[{index}]";
                value = value.ValueKind == JsonValueKind.Array && index < value.GetArrayLength() ? value[index] : default;
                expected = expected?.ElementType is { } element ? Options.GetTypeInfo(element) : null;
            }
            else
            {
                where = JsonPaths.Member(where, segment.Name!);
                value = value.ValueKind == JsonValueKind.Object && value.TryGetProperty(segment.Name!, out var member) ? member : default;
                var property = expected?.Properties.FirstOrDefault(p => p.Name == segment.Name);
                expected = property is null ? null : Options.GetTypeInfo(property.PropertyType);
            }
        }

        if (segments.Count == 0 && Missing(contract, parameters) is { } required)
        {
            return $"{method}: params.{required} is required ({Expected(Options.GetTypeInfo(contract.Properties.First(p => p.Name == required).PropertyType))}).";
        }

        var got = value.ValueKind == JsonValueKind.Undefined ? "" : $"; got {JsonPaths.Kind(value)}";
        return expected is null
            ? $"{method}: {where} has a value of the wrong type{got}; check params against the {method} schema."
            : $"{method}: {where} must be {Expected(expected)}{got}.";
    }

    /// <summary>The first required member of the contract that the parameters lack, or null.</summary>
    private static string? Missing(JsonTypeInfo contract, JsonElement parameters) =>
        contract.Properties.FirstOrDefault(p => p.IsRequired && !parameters.TryGetProperty(p.Name, out _))?.Name;

    /// <summary>The JSON a contract reads, in words.</summary>
    private static string Expected(JsonTypeInfo contract)
    {
        var type = Nullable.GetUnderlyingType(contract.Type) ?? contract.Type;
        if (type == typeof(string) || type == typeof(Uri) || type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(uint) || type == typeof(ulong))
        {
            return "a whole number";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "a number";
        }

        if (type == typeof(RequestId) || type == typeof(ProgressToken))
        {
            return "a string or a whole number";
        }

        if (type.IsEnum)
        {
            return "one of the names the MCP specification lists (a string)";
        }

        if (type == typeof(JsonElement) || type == typeof(JsonNode) || type == typeof(object))
        {
            return "a JSON value";
        }

        return contract.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Object => "an object",
            // A class the SDK reads with a converter of its own (a capability, a content block) is still a JSON object.
            _ when type.IsClass => "an object",
            _ => "a value of the type the MCP specification gives it",
        };
    }

    /// <summary>The segments of a System.Text.Json path: <c>$.capabilities.sampling</c>, <c>$['a b'][2]</c>.</summary>
    private static List<(string? Name, int? Index)> Segments(string? path)
    {
        var segments = new List<(string?, int?)>();
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return segments;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add((path[(i + 1)..end], null));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                segments.Add((path[(i + 2)..end], null));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    break;
                }

                segments.Add((null, index));
                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return segments;
    }
}
