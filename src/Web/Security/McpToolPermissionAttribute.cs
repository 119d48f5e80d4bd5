namespace FinOps.Web.Security;

/// <summary>
/// What calling an MCP tool needs, declared on the tool method itself and read by <see cref="McpToolAuthorization"/>
/// from the tool's metadata. <see cref="WhenTrue"/> names a boolean argument that, set to <c>true</c>, makes the call
/// need <see cref="WhenTrueNeeds"/> instead (<c>apply=true</c> saves the policy). A tool without this attribute needs
/// the most (<see cref="FinOpsAction.EditPolicy"/>), so a new tool is never open by accident.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class McpToolPermissionAttribute(FinOpsAction needs) : Attribute
{
    /// <summary>What every call of the tool needs.</summary>
    public FinOpsAction Needs { get; } = needs;

    /// <summary>A boolean argument that raises what the call needs when it is <c>true</c>, or null.</summary>
    public string? WhenTrue { get; set; }

    /// <summary>What the call needs when <see cref="WhenTrue"/> is <c>true</c>.</summary>
    public FinOpsAction WhenTrueNeeds { get; set; } = FinOpsAction.EditPolicy;
}
