using System.Collections.Immutable;
using FinOps.Domain.Policy;

namespace FinOps.Domain.Suggestions;

/// <summary>One row of a resource's tag review: a tag it carries, or a required tag it lacks.</summary>
/// <param name="Key">The key as the resource carries it; for a missing tag, the policy's key.</param>
/// <param name="Value">The tag's value; null when the tag is missing.</param>
/// <param name="PolicyKey">The key of the policy rule covering the tag (other letter case for a case mismatch); null when none does.</param>
/// <param name="Required">Whether the policy requires the tag on this resource's type.</param>
/// <param name="Expected">What the policy accepts for it, in words; null when no rule covers it.</param>
/// <param name="Violations">The resource's violations that concern this tag.</param>
/// <param name="Suggestions">Proposed fixes for this tag, best first (only when it is missing or broken).</param>
public sealed record TagReviewRow(
    string Key,
    string? Value,
    string? PolicyKey,
    bool Required,
    string? Expected,
    ImmutableArray<TagViolation> Violations,
    ImmutableArray<TagSuggestion> Suggestions)
{
    /// <summary>Whether the resource lacks the tag.</summary>
    public bool IsMissing => Value is null;

    /// <summary>Where the tag stands: an error rule broken, only warnings, fine, or outside the policy.</summary>
    public TagStatus Status =>
        Violations.Any(v => v.Severity == Severity.Error) ? TagStatus.Error
        : !Violations.IsEmpty ? TagStatus.Warning
        : PolicyKey is null ? TagStatus.NotInPolicy
        : TagStatus.Compliant;
}
