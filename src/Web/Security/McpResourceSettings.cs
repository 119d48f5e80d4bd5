namespace FinOps.Web.Security;

/// <summary>The MCP endpoint as an OAuth protected resource (section <c>FinOps:Auth:Mcp</c>).</summary>
public sealed class McpResourceSettings
{
    /// <summary>
    /// The public URL of <c>/mcp</c> (e.g. <c>https://finops.example.com/mcp</c>): the audience access tokens must name
    /// and the resource the protected-resource metadata advertises. Required when sign-in is configured.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>A page for people about using the MCP endpoint (advertised in the metadata), optional.</summary>
    public string? Documentation { get; set; }
}
