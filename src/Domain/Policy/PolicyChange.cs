using System.Collections.Immutable;

namespace FinOps.Domain.Policy;

/// <summary>One tag's difference between the current policy and a proposed one.</summary>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="TagKey">The tag key.</param>
/// <param name="Details">For a change, one line per field that differs ("allowedValues: [a] → [a, b]").</param>
public sealed record PolicyChange(PolicyChangeKind Kind, string TagKey, ImmutableArray<string> Details)
{
    public override string ToString() => Kind switch
    {
        PolicyChangeKind.Added => $"+ {TagKey}: {string.Join("; ", Details)}",
        PolicyChangeKind.Removed => $"- {TagKey}",
        _ => $"~ {TagKey}: {string.Join("; ", Details)}",
    };
}
