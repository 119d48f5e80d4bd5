using System.Text.Json.Nodes;

namespace FinOps.Tests.Integration.Security.Sweep;

/// <summary>A tool as <c>tools/list</c> describes it: its name and the arguments of its input schema.</summary>
public sealed record DiscoveredTool(string Name, IReadOnlyList<ToolArgument> Arguments)
{
    /// <summary>The tools of a <c>tools/list</c> answer.</summary>
    public static IReadOnlyList<DiscoveredTool> FromList(JsonNode listResult)
    {
        ArgumentNullException.ThrowIfNull(listResult);
        return [.. listResult["tools"]!.AsArray().Select(tool =>
        {
            var schema = tool!["inputSchema"]!;
            var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
            var arguments = (schema["properties"]?.AsObject() ?? []).Select(p => new ToolArgument(
                p.Key,
                TypeOf(p.Value!),
                required.Contains(p.Key),
                [.. p.Value!["enum"]?.AsArray().Select(e => e?.ToJsonString() ?? "null") ?? [],
                    .. p.Value["items"]?["enum"]?.AsArray().Select(e => e?.ToJsonString() ?? "null") ?? []])).ToList();
            return new DiscoveredTool(tool["name"]!.GetValue<string>(), arguments);
        })];
    }

    private static string TypeOf(JsonNode property) => property["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        JsonValue type => type.GetValue<string>(),
        _ => "any",
    };
}
