using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>Which regions an answer covers.</summary>
public sealed record RegionMetadataAnswer(
    [property: Description("Regions the scan set out to cover.")] int TotalRegions,
    IReadOnlyList<string> SuccessfulRegions,
    IReadOnlyList<RegionFailureAnswer> FailedRegions,
    [property: Description("Regions of the account not scanned (not opted in, or not allowed by settings).")] IReadOnlyList<string> SkippedRegions,
    [property: Description("Region discovery failed and only the default region was scanned.")] bool DiscoveryFallback,
    string? DiscoveryFallbackReason);
