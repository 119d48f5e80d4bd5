using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of list_regions.</summary>
public sealed record RegionsAnswer(
    string DefaultRegion,
    bool MultiRegionEnabled,
    [property: Description("Region discovery failed; only the default region is available.")] bool DiscoveryFallback,
    string? DiscoveryFallbackReason,
    IReadOnlyList<RegionAnswer> Regions,
    [property: Description("Regions a scan without a filter covers.")] IReadOnlyList<string> ScannedRegions,
    IReadOnlyList<string> SkippedRegions,
    [property: Description("Values the regions argument of other tools accepts.")] IReadOnlyList<string> AcceptedRegionFilters,
    [property: Description("When the region list was obtained.")] DateTimeOffset AsOf);
