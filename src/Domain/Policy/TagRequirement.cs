using System.Collections.Immutable;

namespace FinOps.Domain.Policy;

/// <summary>A tag the policy requires (or, in <c>optionalTags</c>, checks when present).</summary>
/// <param name="Key">The tag key, in its canonical letter case.</param>
/// <param name="Description">What the tag is for, shown to people.</param>
/// <param name="AllowedValues">When not empty, the value must be one of these.</param>
/// <param name="Pattern">When set, the value must match this regular expression as a whole.</param>
/// <param name="AppliesTo">Resource types it applies to; empty means every type.</param>
/// <param name="Severity">Severity of its violations (optional tags are always warnings).</param>
public sealed record TagRequirement(
    string Key,
    string? Description,
    ImmutableArray<string> AllowedValues,
    string? Pattern,
    ImmutableArray<string> AppliesTo,
    Severity Severity = Severity.Error)
{
    /// <summary>Whether the requirement applies to a resource type.</summary>
    public bool AppliesToType(string resourceType) =>
        AppliesTo.IsDefaultOrEmpty || AppliesTo.Contains(resourceType, StringComparer.Ordinal);

    public bool Equals(TagRequirement? other) =>
        other is not null
        && Key == other.Key
        && Description == other.Description
        && Pattern == other.Pattern
        && Severity == other.Severity
        && AllowedValues.AsSpan().SequenceEqual(other.AllowedValues.AsSpan())
        && AppliesTo.AsSpan().SequenceEqual(other.AppliesTo.AsSpan());

    // Default (unset) arrays count as empty, as everywhere else in the policy model.
    public override int GetHashCode() =>
        HashCode.Combine(Key, Pattern, Severity, AllowedValues.IsDefault ? 0 : AllowedValues.Length, AppliesTo.IsDefault ? 0 : AppliesTo.Length);
}
