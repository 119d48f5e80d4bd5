using System.Collections.Immutable;
using System.Globalization;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>
/// What a question or a scan covers: regions and resource types. Every door (dashboard URL, HTTP API, MCP tool,
/// schedule) parses its input with <see cref="Parse"/>, so the same input gets the same scope or the same error
/// everywhere; <see cref="ScanPlanner"/> then checks the regions against the account, also once.
/// </summary>
public sealed record ScanScope
{
    /// <summary>The keyword for every region (in a region list) or every cost-generating type (in a type list).</summary>
    public const string AllKeyword = ResourceCatalogue.AllKeyword;

    /// <summary>Most entries a region or type list may have.</summary>
    public const int MaxEntries = 100;

    private ScanScope(ImmutableArray<string> regions, ImmutableArray<ResourceTypeInfo> types)
    {
        Regions = regions;
        Types = types;
        ResourceTypes = [.. types.Select(t => t.Name)];
        CoversEveryCostType = types.Count(t => t.GeneratesCost) == ResourceCatalogue.CostGenerating.Length;
    }

    /// <summary>Every cost-generating type in every region the account scans.</summary>
    public static ScanScope Everything { get; } = new([], ResourceCatalogue.Resolve([AllKeyword]));

    /// <summary>Every type of the catalogue (free ones too) in every region: where any resource the product knows is found.</summary>
    public static ScanScope EveryType { get; } = new([], ResourceCatalogue.All);

    /// <summary>Region codes (and <c>global</c>), lower-case, distinct and sorted; empty means every region.</summary>
    public ImmutableArray<string> Regions { get; }

    /// <summary>The resource types, resolved against the catalogue, in catalogue order; never empty.</summary>
    public ImmutableArray<ResourceTypeInfo> Types { get; }

    /// <summary>The type codes of <see cref="Types"/>.</summary>
    public ImmutableArray<string> ResourceTypes { get; }

    /// <summary>Whether no region filter applies.</summary>
    public bool CoversEveryRegion => Regions.IsEmpty;

    /// <summary>Whether every cost-generating type is included (what "all" means), so every spend line is in view.</summary>
    public bool CoversEveryCostType { get; }

    /// <summary>
    /// Parses a scope. Regions: codes such as <c>eu-west-1</c>, or <c>global</c>; blank entries are ignored, case and
    /// surrounding spaces do not matter, <c>all</c> (or nothing) means every region. Types: catalogue codes or
    /// <c>all</c> (every cost-generating type); nothing means <c>all</c>. Throws <see cref="InvalidRegionException"/> or
    /// <see cref="UnknownResourceTypeException"/> with a message that says what is accepted.
    /// </summary>
    public static ScanScope Parse(IEnumerable<string?>? regions, IEnumerable<string?>? resourceTypes = null) =>
        new(ParseRegions(regions), ParseTypes(resourceTypes));

    /// <summary>Parses comma-separated lists as they come in a URL (<c>?regions=eu-west-1,us-east-1</c>).</summary>
    public static ScanScope FromQuery(string? regions, string? resourceTypes = null) =>
        Parse(SplitList(regions), SplitList(resourceTypes));

    /// <summary>The same types in other regions (parsed by the same rule).</summary>
    public ScanScope WithRegions(IEnumerable<string?>? regions) => new(ParseRegions(regions), Types);

    /// <summary>The same regions with other types (parsed by the same rule).</summary>
    public ScanScope WithTypes(IEnumerable<string?>? resourceTypes) => new(Regions, ParseTypes(resourceTypes));

    /// <summary>Whether a region is in scope.</summary>
    public bool IncludesRegion(string region) => Regions.IsEmpty || Regions.Contains(region, StringComparer.Ordinal);

    /// <summary>Whether a type is in scope.</summary>
    public bool IncludesType(string resourceType) => ResourceTypes.Contains(resourceType, StringComparer.Ordinal);

    /// <summary>The types as a caller would write them: <c>all</c> for exactly every cost-generating type, else the codes.</summary>
    public string TypesText =>
        CoversEveryCostType && ResourceTypes.Length == ResourceCatalogue.CostGenerating.Length ? AllKeyword : string.Join(", ", ResourceTypes);

    /// <summary>The regions as they go into a URL or a message (<c>eu-west-1,us-east-1</c>), or null for every region.</summary>
    public string? RegionsText => Regions.IsEmpty ? null : string.Join(',', Regions);

    public bool Equals(ScanScope? other) =>
        other is not null && Regions.SequenceEqual(other.Regions) && ResourceTypes.SequenceEqual(other.ResourceTypes);

    public override int GetHashCode() => HashCode.Combine(string.Join(',', Regions), string.Join(',', ResourceTypes));

    public override string ToString() =>
        $"{(Regions.IsEmpty ? "every region" : string.Join(", ", Regions))}; {(TypesText == AllKeyword ? "every cost-generating type" : TypesText)}";

    /// <summary>Splits a comma-separated list; null for none.</summary>
    public static IEnumerable<string>? SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static ImmutableArray<string> ParseRegions(IEnumerable<string?>? regions)
    {
        if (regions is null)
        {
            return [];
        }

        var list = regions.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim().ToLowerInvariant()).ToList();
        if (list.Count > MaxEntries)
        {
            throw new InvalidRegionException([], [], TooMany(list.Count, "regions"));
        }

        if (list.Contains(AllKeyword, StringComparer.Ordinal))
        {
            return [];
        }

        var malformed = list.Where(r => r != ResourceCatalogue.GlobalRegion && !RegionCode.IsWellFormed(r)).Distinct(StringComparer.Ordinal).ToList();
        if (malformed.Count > 0)
        {
            var quoted = string.Join(", ", malformed.Select(r => $"'{Shorten(r)}'"));
            throw new InvalidRegionException(malformed, [],
                $"{quoted} {(malformed.Count > 1 ? "are not region codes" : "is not a region code")}. Accepted: region codes such as " +
                $"eu-west-1 (see list_regions or /regions), \"{ResourceCatalogue.GlobalRegion}\" for resources without a region, or " +
                $"\"{AllKeyword}\" (or nothing) for every region.");
        }

        return [.. list.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static ImmutableArray<ResourceTypeInfo> ParseTypes(IEnumerable<string?>? types)
    {
        var list = types?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim().ToLowerInvariant()).ToList() ?? [];
        if (list.Count > MaxEntries)
        {
            throw new UnknownResourceTypeException([], TooMany(list.Count, "resource types"));
        }

        return list.Count == 0 ? Everything?.Types ?? ResourceCatalogue.Resolve([AllKeyword]) : ResourceCatalogue.Resolve(list);
    }

    private static string TooMany(int count, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {what} were given; at most {MaxEntries} are accepted.");

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
