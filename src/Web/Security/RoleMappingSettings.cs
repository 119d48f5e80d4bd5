namespace FinOps.Web.Security;

/// <summary>
/// Role-claim values per FinOps role (section <c>FinOps:Auth:Roles</c>); a role with none configured is its own name
/// (e.g. the claim value <c>analyst</c>).
/// Roles are hierarchical: an analyst can do what a viewer can, a manager what an analyst can, an admin everything.
/// </summary>
public sealed class RoleMappingSettings
{
    public IList<string> Viewer { get; set; } = [];

    public IList<string> Analyst { get; set; } = [];

    public IList<string> Manager { get; set; } = [];

    public IList<string> Admin { get; set; } = [];

    /// <summary>The claim values that mean <paramref name="role"/>.</summary>
    public IReadOnlyList<string> ValuesFor(FinOpsRole role)
    {
        var configured = role switch
        {
            FinOpsRole.Viewer => Viewer,
            FinOpsRole.Analyst => Analyst,
            FinOpsRole.Manager => Manager,
            FinOpsRole.Admin => Admin,
            _ => [],
        };
        return configured.Count > 0 ? [.. configured] : [FinOpsPermissions.NameOf(role)];
    }
}
