using System.ComponentModel;
using FinOps.Domain.Scanning;
using FinOps.Web.Mcp.Answers;
using FinOps.Web.Security;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>Which regions the account has and which of them scans cover.</summary>
[McpServerToolType]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "MCP argument names are snake_case on the wire; the SDK takes them from the parameter names.")]
public sealed class RegionTools(ComplianceService compliance)
{
    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = "list_regions", Title = "List regions", ReadOnly = true, Destructive = false, Idempotent = true,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the account's regions with their opt-in status (enabled or not opted in), which are scanned, the " +
        "default region, and whether region discovery fell back. Use it before passing a regions filter to other tools, or " +
        "to explain why a region is missing from an answer.")]
    public async Task<RegionsAnswer> ListRegionsAsync(CancellationToken cancellationToken = default)
    {
        var targets = await McpErrors.GuardAsync(() => compliance.ListRegionsAsync(cancellationToken)).ConfigureAwait(false);
        return McpAnswers.Regions(targets);
    }
}
