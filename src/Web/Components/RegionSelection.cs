using System.Collections.Immutable;

namespace FinOps.Web.Components;

/// <summary>
/// The region filter as it travels in the URL (<c>?regions=eu-west-1,us-east-1</c>), so a filtered view can be
/// bookmarked and shared. Empty means every region.
/// </summary>
public static class RegionSelection
{
    /// <summary>The query-string parameter every page reads.</summary>
    public const string QueryName = "regions";

    /// <summary>Parses the query value into sorted, distinct region codes.</summary>
    public static ImmutableArray<string> Parse(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : [.. query.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(r => r.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];

    /// <summary>The query value for a selection, or null for "every region".</summary>
    public static string? Format(IEnumerable<string> regions)
    {
        var list = regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }

    /// <summary>A relative link to a page that keeps the selection.</summary>
    public static string Link(string path, IEnumerable<string> regions) =>
        Format(regions) is { } value ? $"{path}?{QueryName}={Uri.EscapeDataString(value)}" : path;
}
