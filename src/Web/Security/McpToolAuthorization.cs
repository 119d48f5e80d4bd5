using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FinOps.Web.Security;

/// <summary>
/// The call-tool filter that checks each MCP call against the caller's role or scopes (<see cref="McpToolAccess"/>)
/// and writes the audit trail: refused calls, scans started, exports, policy changes. A refusal is a tool error that
/// says which scope or role would do, so an assistant can tell its user.
/// </summary>
public static class McpToolAuthorization
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var tool = context.Params?.Name;
            var arguments = context.Params?.Arguments;
            var needed = McpToolAccess.Required(tool, arguments);
            var user = context.User;
            var audit = context.Services?.GetService<AuditTrail>();
            if (!user.Has(needed))
            {
                audit?.Denied(user, needed, $"MCP tool {tool}");
                var why = needed == FinOpsAction.Scan && McpToolAccess.Tools.GetValueOrDefault(tool ?? "") < FinOpsAction.Scan
                    ? "force_refresh=true starts a scan, which"
                    : $"{tool}";
                return new CallToolResult
                {
                    IsError = true,
                    Content = [new TextContentBlock
                    {
                        Text = $"Not allowed: {why} {FinOpsPermissions.Needs(needed, user)}",
                    }],
                };
            }

            var result = await next(context, cancellationToken).ConfigureAwait(false);
            if (audit is not null && result.IsError != true)
            {
                Record(audit, context, tool ?? "", needed);
            }

            return result;
        };

    private static void Record(AuditTrail audit, RequestContext<CallToolRequestParams> context, string tool, FinOpsAction needed)
    {
        var arguments = context.Params?.Arguments;
        if (needed == FinOpsAction.Scan)
        {
            audit.ScanStarted(context.User, "mcp:" + tool, McpToolAccess.IsTrue(arguments, "force_refresh") ? "force_refresh" : "start_scan");
        }
        else if (needed == FinOpsAction.Export)
        {
            audit.Exported(context.User, "mcp:" + tool, string.Join(", ", (arguments ?? new Dictionary<string, System.Text.Json.JsonElement>())
                .Where(a => a.Key is not "policy_json")
                .Select(a => $"{a.Key}={a.Value.GetRawText()}")));
        }
        else if (tool == "import_aws_tag_policy" && McpToolAccess.IsTrue(arguments, "apply"))
        {
            audit.PolicyChanged(context.User, "mcp:" + tool, "imported an AWS Organizations tag policy");
        }
    }
}
