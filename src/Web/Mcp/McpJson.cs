using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace FinOps.Web.Mcp;

/// <summary>How MCP answers are serialised: the SDK's options with snake_case property names.</summary>
public static class McpJson
{
    /// <summary>Shared, read-only serializer options of every tool (answers and their output schemas).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,

            // Absent values are written as null, so every answer has the same shape.
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.MakeReadOnly();
        return options;
    }
}
