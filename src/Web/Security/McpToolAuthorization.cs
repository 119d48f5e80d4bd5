using FinOps.Web.Mcp;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FinOps.Web.Security;

/// <summary>
/// The gate of every MCP tool call: checks it against the caller's role or scopes (what the tool declares, see
/// <see cref="McpToolAccess"/>) and writes the audit trail: refused calls, scans started, exports, policy changes. A
/// refusal is a tool error that says which scope or role would do, so an assistant can tell its user. A call of an
/// unknown tool runs nothing and is left to the SDK, which says the tool is unknown.
/// </summary>
public sealed class McpToolAuthorization(AuditTrail audit) : IToolCallGate
{
    public async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> context,
        McpRequestHandler<CallToolRequestParams, CallToolResult> callTool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(callTool);
        if (context.MatchedPrimitive is not McpServerTool tool)
        {
            return await callTool(context, cancellationToken).ConfigureAwait(false);
        }

        var name = tool.ProtocolTool.Name;
        var arguments = context.Params?.Arguments;
        var (needed, raisedBy) = McpToolAccess.Required(tool, arguments);
        var user = context.User;
        if (!user.Has(needed))
        {
            audit.Denied(user, needed, raisedBy is null ? $"MCP tool {name}" : $"MCP tool {name} with {raisedBy}=true");
            var why = raisedBy switch
            {
                null => name,
                "force_refresh" => "force_refresh=true starts a scan, which",
                _ => $"{name} with {raisedBy}=true",
            };
            return new CallToolResult
            {
                IsError = true,
                Content = [new TextContentBlock { Text = $"Not allowed: {why} {FinOpsPermissions.Needs(needed, user)}" }],
            };
        }

        var result = await callTool(context, cancellationToken).ConfigureAwait(false);
        if (result.IsError != true)
        {
            Record(context, name, needed, raisedBy);
        }

        return result;
    }

    private void Record(RequestContext<CallToolRequestParams> context, string tool, FinOpsAction needed, string? raisedBy)
    {
        var arguments = context.Params?.Arguments;
        switch (needed)
        {
            case FinOpsAction.Scan:
                audit.ScanStarted(context.User, "mcp:" + tool, raisedBy ?? "start_scan");
                break;
            case FinOpsAction.Export:
                audit.Exported(context.User, "mcp:" + tool, string.Join(", ", (arguments ?? new Dictionary<string, System.Text.Json.JsonElement>())
                    .Where(a => a.Key is not "policy_json")
                    .Select(a => $"{a.Key}={a.Value.GetRawText()}")));
                break;
            case FinOpsAction.EditPolicy:
                audit.PolicyChanged(context.User, "mcp:" + tool, raisedBy is null ? "called" : $"with {raisedBy}=true");
                break;
            case FinOpsAction.EditSchedules:
                audit.ScheduleChanged(context.User, "mcp:" + tool, string.Join(", ", (arguments ?? new Dictionary<string, System.Text.Json.JsonElement>())
                    .Select(a => $"{a.Key}={a.Value.GetRawText()}")));
                break;
        }
    }
}
