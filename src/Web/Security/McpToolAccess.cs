using System.Text.Json;
using ModelContextProtocol.Server;

namespace FinOps.Web.Security;

/// <summary>
/// What a call of an MCP tool needs: what the tool declares (<see cref="McpToolPermissionAttribute"/>), raised by its
/// declared argument when that is <c>true</c>, and by <c>force_refresh=true</c> on any tool to
/// <see cref="FinOpsAction.Scan"/> (it starts a scan). A tool that declares nothing needs
/// <see cref="FinOpsAction.EditPolicy"/>, the most there is.
/// </summary>
public static class McpToolAccess
{
    /// <summary>The permission declared on <paramref name="tool"/> (the last declaration wins, as with endpoint metadata), or null.</summary>
    public static McpToolPermissionAttribute? Declared(McpServerTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return tool.Metadata.OfType<McpToolPermissionAttribute>().LastOrDefault();
    }

    /// <summary>What a call of <paramref name="tool"/> with <paramref name="arguments"/> needs, and why when an argument raised it.</summary>
    public static (FinOpsAction Needs, string? RaisedBy) Required(McpServerTool tool, IEnumerable<KeyValuePair<string, JsonElement>>? arguments)
    {
        if (Declared(tool) is not { } declared)
        {
            return (FinOpsAction.EditPolicy, null);
        }

        var needed = declared.Needs;
        string? raisedBy = null;
        if (declared.WhenTrue is { } argument && IsTrue(arguments, argument) && declared.WhenTrueNeeds > needed)
        {
            (needed, raisedBy) = (declared.WhenTrueNeeds, argument);
        }

        if (needed < FinOpsAction.Scan && IsTrue(arguments, "force_refresh"))
        {
            (needed, raisedBy) = (FinOpsAction.Scan, "force_refresh");
        }

        return (needed, raisedBy);
    }

    /// <summary>True when the argument is the JSON value <c>true</c>.</summary>
    public static bool IsTrue(IEnumerable<KeyValuePair<string, JsonElement>>? arguments, string name) =>
        arguments?.Any(a => a.Key == name && a.Value.ValueKind == JsonValueKind.True) == true;
}
