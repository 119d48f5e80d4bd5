using System.Text.Json;

namespace FinOps.Web.Mcp;

/// <summary>
/// Finds a string (or member name) that escapes half of a UTF-16 surrogate pair (<c>"\udfff"</c>): valid JSON syntax,
/// but not Unicode text, so nothing can read it as a string.
/// </summary>
public static class LoneSurrogates
{
    /// <summary>The path of the first such string under <paramref name="element"/> (e.g. <c>params.arguments.regions[1]</c>), or null.</summary>
    public static string? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(element) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (!IsText(member))
                    {
                        return path + " (the name of one of its members)";
                    }

                    if (Find(member.Value, JsonPaths.Member(path, member.Name)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsText(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsText(JsonProperty member)
    {
        try
        {
            _ = member.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
