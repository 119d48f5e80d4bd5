namespace FinOps.Web.Security;

/// <summary>
/// One API key (an item of <c>FinOps:Auth:ApiKeys</c>). Only the SHA-256 of the key is configured; the key itself is
/// given to the caller once. Either a role or scopes say what the key may do.
/// </summary>
public sealed class ApiKeySettings
{
    /// <summary>The key's name, as it appears in logs and the audit trail (e.g. <c>ci-exports</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>Hex SHA-256 of the key's UTF-8 bytes (64 hex digits).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>A FinOps role: viewer, analyst, manager or admin.</summary>
    public string? Role { get; set; }

    /// <summary>Scopes instead of a role: finops:read, finops:scan, finops:export, finops:policy:write, finops:waiver:request, finops:waiver:approve, finops:schedule:write.</summary>
    public IList<string> Scopes { get; set; } = [];
}
