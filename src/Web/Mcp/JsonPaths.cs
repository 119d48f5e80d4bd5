using System.Text.Json;

namespace FinOps.Web.Mcp;

/// <summary>Paths of members in a JSON-RPC message as people read them: <c>params.capabilities.sampling</c>, <c>params.arguments.regions[1]</c>.</summary>
public static class JsonPaths
{
    /// <summary>The path of member <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Member(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = name.Length is > 0 and <= 60 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$');
        return plain ? $"{parent}.{name}" : $"{parent}[{JsonSerializer.Serialize(McpArguments.Shorten(name))}]";
    }

    /// <summary>A JSON value's kind in words ("a string", "an object", …).</summary>
    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Whether the text holds a control character (which would let a caller forge log lines).</summary>
    public static bool HasControlCharacters(string text) =>
        text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');
}
