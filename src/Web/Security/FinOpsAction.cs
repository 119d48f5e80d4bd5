namespace FinOps.Web.Security;

/// <summary>One thing a caller may do (a permission); roles and token scopes both come down to a set of these.</summary>
public enum FinOpsAction
{
    /// <summary>See the dashboard, call read-only MCP tools (scope <c>finops:read</c>).</summary>
    Read,

    /// <summary>Start scans and forced refreshes (scope <c>finops:scan</c>).</summary>
    Scan,

    /// <summary>Download reports and exports (scope <c>finops:export</c>).</summary>
    Export,

    /// <summary>Change the tagging policy (scope <c>finops:policy:write</c>).</summary>
    EditPolicy,

    /// <summary>Ask for a waiver of tag violations (scope <c>finops:waiver:request</c>).</summary>
    RequestWaiver,

    /// <summary>Approve, reject or revoke waivers (scope <c>finops:waiver:approve</c>; on the dashboard only).</summary>
    ApproveWaiver,
    /// <summary>Create, change, delete and run scheduled audits (scope <c>finops:schedule:write</c>; admins).</summary>
    EditSchedules,
}
