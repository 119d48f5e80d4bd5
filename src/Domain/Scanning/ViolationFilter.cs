using System.Collections.Immutable;
using FinOps.Domain.Policy;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Which violations to list (regions are narrowed with <see cref="ComplianceResult.ForRegions"/> first). Empty lists
/// mean "any"; <see cref="Text"/> matches ARN or resource name, ignoring case; <see cref="Owner"/> keeps one owner's resources.
/// </summary>
public sealed record ViolationFilter(
    ImmutableArray<string> ResourceTypes = default,
    ImmutableArray<string> TagKeys = default,
    ImmutableArray<ViolationKind> Kinds = default,
    Severity? Severity = null,
    string? Text = null,
    FinOps.Domain.Owners.OwnerFilter? Owner = null)
{
    public static ViolationFilter None { get; } = new();

    /// <summary>Whether the filter lets everything through.</summary>
    public bool IsEmpty => ResourceTypes.IsDefaultOrEmpty && TagKeys.IsDefaultOrEmpty && Kinds.IsDefaultOrEmpty
        && Severity is null && string.IsNullOrWhiteSpace(Text) && Owner is null;

    /// <summary>Whether one violation passes.</summary>
    public bool Matches(Violation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return MatchesRule(violation) && MatchesText(violation.Resource);
    }

    /// <summary>Whether the violation passes the type, tag key, kind, severity and owner parts.</summary>
    internal bool MatchesRule(Violation violation)
    {
        // The violation's own fields first (one object), the resource's type last.
        var detail = violation.Detail;
        if (Severity is { } severity && detail.Severity != severity)
        {
            return false;
        }

        if (!Kinds.IsDefaultOrEmpty && !Kinds.Contains(detail.Kind))
        {
            return false;
        }

        if (!TagKeys.IsDefaultOrEmpty && !TagKeys.Contains(detail.TagKey, StringComparer.Ordinal))
        {
            return false;
        }

        if (!ResourceTypes.IsDefaultOrEmpty && !ResourceTypes.Contains(violation.ResourceType, StringComparer.Ordinal))
        {
            return false;
        }

        return Owner is null || Owner.Matches(violation.Resource.Resource);
    }

    /// <summary>Whether the resource passes the free-text part (ARN or name contains the text, ignoring case).</summary>
    internal bool MatchesText(EvaluatedResource resource)
    {
        var text = Text?.Trim();
        return string.IsNullOrEmpty(text)
            || resource.Arn.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (resource.Resource.Name?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
    }

    public bool Equals(ViolationFilter? other) =>
        other is not null
        && Severity == other.Severity
        && Equals(Owner, other.Owner)
        && string.Equals(Text?.Trim() ?? "", other.Text?.Trim() ?? "", StringComparison.Ordinal)
        && Same(ResourceTypes, other.ResourceTypes)
        && Same(TagKeys, other.TagKeys)
        && (Kinds.IsDefaultOrEmpty ? other.Kinds.IsDefaultOrEmpty : !other.Kinds.IsDefault && Kinds.SequenceEqual(other.Kinds));

    public override int GetHashCode() => HashCode.Combine(Severity, Text?.Trim() ?? "");

    private static bool Same(ImmutableArray<string> a, ImmutableArray<string> b) =>
        a.IsDefaultOrEmpty ? b.IsDefaultOrEmpty : !b.IsDefault && a.SequenceEqual(b, StringComparer.Ordinal);
}
