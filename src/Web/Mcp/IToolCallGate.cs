using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>
/// A check every tool call passes first, before its arguments are checked and the tool runs: who may call what, and the
/// audit trail (implemented by the sign-in/roles feature, registered with
/// <see cref="McpServerSetup.AddToolCallGate{TGate}"/>). Without one every call goes through.
/// </summary>
public interface IToolCallGate
{
    /// <summary>Answers the call itself (a refusal) or passes it on to <paramref name="callTool"/>.</summary>
    ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> context,
        McpRequestHandler<CallToolRequestParams, CallToolResult> callTool, CancellationToken cancellationToken);
}
