using System.Collections.Immutable;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Which regions scans cover right now: discovery's answer narrowed by the settings (multi-region mode,
/// <c>AllowedRegions</c>, fallback to the default region).
/// </summary>
/// <param name="Discovery">How the regions were found.</param>
/// <param name="DefaultRegion">The configured default region.</param>
/// <param name="MultiRegionEnabled">Whether every enabled region is scanned, or only the default one.</param>
/// <param name="Regions">Every known region of the account with its status, sorted by name.</param>
/// <param name="Scannable">Regions a scan without a filter covers, sorted.</param>
/// <param name="Skipped">Regions of the account deliberately not scanned (not opted in, or not allowed), sorted.</param>
public sealed record RegionTargets(
    RegionDiscoveryResult Discovery,
    string DefaultRegion,
    bool MultiRegionEnabled,
    ImmutableArray<AccountRegion> Regions,
    ImmutableArray<string> Scannable,
    ImmutableArray<string> Skipped);
