using System.Reflection;
using System.Text.Json;
using FinOps.Web.Mcp;
using FinOps.Web.Security;
using ModelContextProtocol.Server;

namespace FinOps.Tests.Integration.Security;

/// <summary>Each MCP tool declares what calling it needs on the tool itself; the gate reads the declaration.</summary>
public sealed class ToolPermissionTests
{
    [Fact]
    public void Every_tool_of_the_server_declares_what_it_needs()
    {
        var tools = typeof(McpServerSetup).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<McpServerToolTypeAttribute>() is not null)
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null)
            .ToList();

        Assert.True(tools.Count >= 13, $"{tools.Count} tools found");
        Assert.All(tools, m => Assert.True(m.GetCustomAttribute<McpToolPermissionAttribute>() is not null,
            $"{m.DeclaringType!.Name}.{m.Name} does not declare [McpToolPermission]"));
    }

    [Fact]
    public void A_tool_that_declares_nothing_needs_the_most()
    {
        var tool = McpServerTool.Create(Undeclared, new McpServerToolCreateOptions { Name = "undeclared" });

        Assert.Equal((FinOpsAction.EditPolicy, (string?)null), McpToolAccess.Required(tool, null));
    }

    [Theory]
    [InlineData("{}", FinOpsAction.Read, null)]
    [InlineData("{\"apply\":false}", FinOpsAction.Read, null)]
    [InlineData("{\"apply\":\"true\"}", FinOpsAction.Read, null)]
    [InlineData("{\"apply\":true}", FinOpsAction.EditPolicy, "apply")]
    [InlineData("{\"force_refresh\":true}", FinOpsAction.Scan, "force_refresh")]
    public void A_declared_argument_set_to_true_raises_what_the_call_needs(string arguments, FinOpsAction needed, string? raisedBy)
    {
        var tool = McpServerTool.Create(typeof(ToolPermissionTests).GetMethod(nameof(Declared), BindingFlags.NonPublic | BindingFlags.Static)!,
            target: null, new McpServerToolCreateOptions { Name = "declared" });
        var given = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(arguments);

        Assert.Equal((needed, raisedBy), McpToolAccess.Required(tool, given));
    }

    private static string Undeclared(string text) => text;

    [McpToolPermission(FinOpsAction.Read, WhenTrue = "apply", WhenTrueNeeds = FinOpsAction.EditPolicy)]
    private static string Declared(bool apply = false, bool force_refresh = false) => $"{apply} {force_refresh}";
}
