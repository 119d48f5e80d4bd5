using System.Collections.Frozen;
using System.Text.Json;

namespace FinOps.Web.Security;

/// <summary>
/// What each MCP tool needs: reading is <see cref="FinOpsAction.Read"/> (the endpoint already requires it); starting
/// scans and any call with <c>force_refresh=true</c> need <see cref="FinOpsAction.Scan"/>; reports and exports need
/// <see cref="FinOpsAction.Export"/>. Saving the policy (<c>import_aws_tag_policy</c> with <c>apply=true</c>) is
/// decided by <see cref="PermissionPolicyEditAccess"/> inside the tool. A tool missing from this table needs the most
/// (<see cref="FinOpsAction.EditPolicy"/>) until it is classified, so a new tool is never open by accident.
/// </summary>
public static class McpToolAccess
{
    /// <summary>Every tool of the MCP server and what calling it needs.</summary>
    public static FrozenDictionary<string, FinOpsAction> Tools { get; } = new Dictionary<string, FinOpsAction>(StringComparer.Ordinal)
    {
        ["check_tag_compliance"] = FinOpsAction.Read,
        ["find_untagged_resources"] = FinOpsAction.Read,
        ["validate_resource_tags"] = FinOpsAction.Read,
        ["suggest_tags"] = FinOpsAction.Read,
        ["get_cost_attribution_gap"] = FinOpsAction.Read,
        ["list_regions"] = FinOpsAction.Read,
        ["get_tagging_policy"] = FinOpsAction.Read,
        ["get_scan_status"] = FinOpsAction.Read,
        ["generate_custodian_policy"] = FinOpsAction.Read,
        ["import_aws_tag_policy"] = FinOpsAction.Read,
        ["start_scan"] = FinOpsAction.Scan,
        ["generate_compliance_report"] = FinOpsAction.Export,
        ["export_violations_csv"] = FinOpsAction.Export,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What a call of <paramref name="tool"/> with <paramref name="arguments"/> needs.</summary>
    public static FinOpsAction Required(string? tool, IEnumerable<KeyValuePair<string, JsonElement>>? arguments)
    {
        var needed = tool is not null && Tools.TryGetValue(tool, out var action) ? action : FinOpsAction.EditPolicy;
        if (needed < FinOpsAction.Scan && IsTrue(arguments, "force_refresh"))
        {
            needed = FinOpsAction.Scan;
        }

        return needed;
    }

    /// <summary>True when the argument is the JSON value <c>true</c>.</summary>
    public static bool IsTrue(IEnumerable<KeyValuePair<string, JsonElement>>? arguments, string name) =>
        arguments?.Any(a => a.Key == name && a.Value.ValueKind == JsonValueKind.True) == true;
}
