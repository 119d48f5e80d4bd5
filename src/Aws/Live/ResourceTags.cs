using System.Collections.Immutable;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Live;

/// <summary>Turns each SDK's tag shape into domain tags (an absent v4 collection is null: no tags) and picks names.</summary>
public static class ResourceTags
{
    /// <summary>The tag that carries a resource's human name.</summary>
    public const string NameKey = "Name";

    /// <summary>Domain tags in the order the source returned them; entries without a key are dropped.</summary>
    public static ImmutableArray<Tag> From<T>(IEnumerable<T>? tags, Func<T, string?> key, Func<T, string?> value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (tags is null)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<Tag>();
        foreach (var tag in tags)
        {
            var k = key(tag);
            if (!string.IsNullOrEmpty(k))
            {
                builder.Add(new Tag(k, value(tag) ?? ""));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The <c>Name</c> tag's value when set, else the service's own name (or null).</summary>
    public static string? NameOf(ImmutableArray<Tag> tags, string? serviceName)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == NameKey && !string.IsNullOrWhiteSpace(tag.Value))
            {
                return tag.Value;
            }
        }

        return string.IsNullOrEmpty(serviceName) ? null : serviceName;
    }

    /// <summary>SDK timestamps are UTC <see cref="DateTime"/>s (or absent).</summary>
    public static DateTimeOffset? Timestamp(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc)) : null;
}
