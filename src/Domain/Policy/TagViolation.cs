namespace FinOps.Domain.Policy;

/// <summary>One broken rule on one resource's tags (the resource is known from context).</summary>
/// <param name="Kind">Which rule is broken.</param>
/// <param name="TagKey">The policy's key (for length violations, the resource's own key).</param>
/// <param name="Severity">Error (counts against compliance) or warning (advisory).</param>
/// <param name="CurrentValue">The value found; for a case mismatch, the key found; null when missing.</param>
/// <param name="Expected">What the policy accepts, in words.</param>
public sealed record TagViolation(
    ViolationKind Kind,
    string TagKey,
    Severity Severity,
    string? CurrentValue,
    string Expected)
{
    /// <summary>A one-sentence explanation for people.</summary>
    public string Message => Kind switch
    {
        ViolationKind.MissingRequiredTag => $"Required tag '{TagKey}' is missing; expected {Expected}.",
        ViolationKind.KeyCaseMismatch => $"Tag key '{CurrentValue}' differs from the policy's '{TagKey}' only in letter case.",
        ViolationKind.InvalidValue => $"Tag '{TagKey}' has value '{CurrentValue}'; expected {Expected}.",
        ViolationKind.InvalidFormat => $"Tag '{TagKey}' has value '{CurrentValue}', which does not match {Expected}.",
        ViolationKind.ValueTooLong => $"Tag '{TagKey}' is longer than allowed; expected {Expected}.",
        _ => Kind.ToString(),
    };
}
