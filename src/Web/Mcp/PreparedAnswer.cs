using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace FinOps.Web.Mcp;

/// <summary>
/// A tool answer serialised once — its structured content and its text block — so that sending it again costs no
/// shaping or serialising (see <see cref="FinOps.Domain.Scanning.ResultMemo{TValue}"/>). Immutable: every call gets a
/// result object of its own around the shared parts.
/// </summary>
public sealed class PreparedAnswer
{
    private PreparedAnswer(JsonElement structured, string text)
    {
        Structured = structured;
        Text = text;
    }

    /// <summary>The structured content (matches the tool's output schema).</summary>
    public JsonElement Structured { get; }

    /// <summary>The text block for clients that do not read structured content.</summary>
    public string Text { get; }

    /// <summary>Serialises an answer with the tools' options; <paramref name="text"/> is its text block.</summary>
    public static PreparedAnswer From<TAnswer>(TAnswer answer, string text)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(text);

        // SerializeToElement copies into a document of its own (no pooled buffers), so the element may live on.
        return new PreparedAnswer(JsonSerializer.SerializeToElement(answer, McpJson.Options), text);
    }

    /// <summary>A tool result carrying this answer.</summary>
    public CallToolResult ToResult() => new()
    {
        Content = [new TextContentBlock { Text = Text }],
        StructuredContent = Structured,
    };
}
