namespace FinOps.Web.Mcp;

/// <summary>Settings of the MCP endpoint (section <c>FinOps:Mcp</c>).</summary>
public sealed class FinOpsMcpOptions
{
    public const string Section = "FinOps:Mcp";

    /// <summary>
    /// Serve every request on its own (true, default: no session state, any instance can answer) or keep a session per
    /// client (false: needed for server-to-client messages outside a request).
    /// </summary>
    public bool Stateless { get; set; } = true;

    /// <summary>
    /// Whether MCP callers may save the tagging policy (<c>import_aws_tag_policy</c> with <c>apply</c>). Until sign-in
    /// is configured the app serves loopback only, so the local user may edit; authorisation narrows this later.
    /// </summary>
    public bool AllowPolicyEdit { get; set; } = true;
}
