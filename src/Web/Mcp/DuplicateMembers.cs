using System.Text.Json;

namespace FinOps.Web.Mcp;

/// <summary>
/// Finds an object that names the same member twice (<c>{"a":1,"a":2}</c>): JSON allows it to parse, but which value
/// counts is undefined, and the SDK's JSON nodes refuse it with an unhandled failure when they first read the object.
/// </summary>
public static class DuplicateMembers
{
    /// <summary>The path of the first repeated member under <paramref name="element"/> (e.g. <c>params._meta.a</c>), or null.</summary>
    public static string? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
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
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in element.EnumerateObject())
                {
                    var memberPath = JsonPaths.Member(path, member.Name);
                    if (!seen.Add(member.Name))
                    {
                        return memberPath;
                    }

                    if (Find(member.Value, memberPath) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
