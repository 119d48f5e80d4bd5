namespace FinOps.Web.Security;

/// <summary>What a person may do, from least to most: each role includes the ones before it.</summary>
public enum FinOpsRole
{
    /// <summary>Reads every page and answer.</summary>
    Viewer = 1,

    /// <summary>Also starts scans (and forced refreshes) and requests waivers.</summary>
    Analyst = 2,

    /// <summary>Also downloads reports and exports.</summary>
    Manager = 3,

    /// <summary>Also edits and imports the tagging policy, and approves, rejects and revokes waivers.</summary>
    Admin = 4,
}
