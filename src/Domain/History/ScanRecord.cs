using System.Collections.Immutable;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.History;

/// <summary>
/// A finished scan as history keeps it: who and what was scanned, under which policy, how each unit went, the data
/// quality, and what the account looked like to later scans (discovery, coverage) so the account state can be restored.
/// </summary>
/// <param name="ScanId">The scan's id.</param>
/// <param name="Account">The account scanned.</param>
/// <param name="Regions">The scope's regions (empty: every region).</param>
/// <param name="ResourceTypes">The scope's resolved types.</param>
/// <param name="PolicyVersion">The policy's own version label.</param>
/// <param name="PolicyHash">The policy's content hash.</param>
/// <param name="StartedAt">When the scan started.</param>
/// <param name="CompletedAt">When its data was complete.</param>
/// <param name="Status">Complete, partial or failed (of the scan's own result).</param>
/// <param name="Notes">The scan's data-quality notes.</param>
/// <param name="Units">Every unit the scan covered, with how it went.</param>
/// <param name="CostFailure">Why spend could not be fetched, when it could not.</param>
/// <param name="Discovery">How the regions were found.</param>
/// <param name="ScannableRegions">Regions a scan without a filter covered.</param>
/// <param name="SkippedRegions">Regions deliberately not scanned.</param>
/// <param name="Coverage">How completely each type was listed.</param>
public sealed record ScanRecord(
    string ScanId,
    AccountDescription Account,
    ImmutableArray<string> Regions,
    ImmutableArray<string> ResourceTypes,
    string PolicyVersion,
    string PolicyHash,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    DataQualityStatus Status,
    ImmutableArray<string> Notes,
    ImmutableArray<UnitOutcome> Units,
    string? CostFailure,
    RegionDiscoveryResult Discovery,
    ImmutableArray<string> ScannableRegions,
    ImmutableArray<string> SkippedRegions,
    ImmutableArray<TypeCoverage> Coverage);
