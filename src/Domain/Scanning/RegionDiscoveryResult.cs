using System.Collections.Immutable;
using FinOps.Domain.Ports;

namespace FinOps.Domain.Scanning;

/// <summary>The account's regions as discovery found them.</summary>
/// <param name="Regions">Every region with its opt-in status (empty after a fallback).</param>
/// <param name="EnabledRegions">Enabled regions, sorted.</param>
/// <param name="FellBack">Discovery failed; <see cref="EnabledRegions"/> holds only the default region.</param>
/// <param name="FallbackReason">Why discovery failed.</param>
/// <param name="DiscoveredAt">When the list was obtained.</param>
public sealed record RegionDiscoveryResult(
    ImmutableArray<RegionInfo> Regions,
    ImmutableArray<string> EnabledRegions,
    bool FellBack,
    string? FallbackReason,
    DateTimeOffset DiscoveredAt);
