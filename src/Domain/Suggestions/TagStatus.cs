namespace FinOps.Domain.Suggestions;

/// <summary>Where one tag of a resource stands against the policy.</summary>
public enum TagStatus
{
    /// <summary>The policy covers the tag and it passes.</summary>
    Compliant,
    /// <summary>It breaks an error rule (missing, wrong case, invalid): the resource is not compliant because of it.</summary>
    Error,
    /// <summary>It breaks only warning rules (advisory tags, length limits).</summary>
    Warning,
    /// <summary>The policy says nothing about the key.</summary>
    NotInPolicy,
}
