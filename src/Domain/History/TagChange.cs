namespace FinOps.Domain.History;

/// <summary>One tag that changed on a resource: added (no before), removed (no after) or changed (both).</summary>
public sealed record TagChange(string Key, string? Before, string? After)
{
    /// <summary><c>added</c>, <c>removed</c> or <c>changed</c>.</summary>
    public string Kind => Before is null ? "added" : After is null ? "removed" : "changed";
}
