using System.Collections.Immutable;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Sample;

/// <summary>
/// Compares tag sets by content (ordinal, in order), so identical sets can share one array. A set being built can be
/// looked up as a span, so a set that already exists is never copied.
/// </summary>
internal sealed class TagSetComparer : IEqualityComparer<ImmutableArray<Tag>>, IAlternateEqualityComparer<ReadOnlySpan<Tag>, ImmutableArray<Tag>>
{
    public static TagSetComparer Instance { get; } = new();

    public bool Equals(ImmutableArray<Tag> x, ImmutableArray<Tag> y) => Equals(x.AsSpan(), y);

    public int GetHashCode(ImmutableArray<Tag> obj) => GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<Tag> alternate, ImmutableArray<Tag> other)
    {
        if (alternate.Length != other.Length)
        {
            return false;
        }

        for (var i = 0; i < alternate.Length; i++)
        {
            if (!string.Equals(alternate[i].Key, other[i].Key, StringComparison.Ordinal)
                || !string.Equals(alternate[i].Value, other[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ReadOnlySpan<Tag> alternate)
    {
        var hash = new HashCode();
        foreach (var tag in alternate)
        {
            hash.Add(tag.Key, StringComparer.Ordinal);
            hash.Add(tag.Value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public ImmutableArray<Tag> Create(ReadOnlySpan<Tag> alternate) => [.. alternate];
}
