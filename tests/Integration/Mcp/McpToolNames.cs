namespace FinOps.Tests.Integration.Mcp;

/// <summary>The tools the endpoint must offer.</summary>
public static class McpToolNames
{
    public static readonly string[] All =
    [
        "get_tagging_policy", "list_regions", "check_tag_compliance", "find_untagged_resources", "validate_resource_tags",
        "suggest_tags", "import_aws_tag_policy", "generate_custodian_policy", "start_scan", "get_scan_status",
        "get_cost_attribution_gap", "generate_compliance_report", "export_violations_csv", "list_scans", "get_violation_history",
        "detect_tag_drift", "list_waivers", "request_waiver", "schedule_compliance_audit", "list_schedules",
    ];

    /// <summary>Tools that change something (everything else must be annotated read-only).</summary>
    public static readonly string[] Writing = ["import_aws_tag_policy", "start_scan", "request_waiver", "schedule_compliance_audit"];
}
