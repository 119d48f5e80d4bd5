using System.Collections.Immutable;
using FinOps.Domain.Policy;

namespace FinOps.Domain.Scanning;

/// <summary>What a caller asks to scan.</summary>
/// <param name="ResourceTypes">Type codes or <c>all</c>; resolved against the catalogue.</param>
/// <param name="Regions">Regions to scan; empty means every enabled (and allowed) region.</param>
/// <param name="Severity">Filters the violation list only; never the score.</param>
/// <param name="ForceRefresh">Bypass the result cache and scan again.</param>
public sealed record ScanRequest(
    ImmutableArray<string> ResourceTypes,
    ImmutableArray<string> Regions,
    Severity? Severity = null,
    bool ForceRefresh = false)
{
    /// <summary>Every cost-generating type in every enabled region.</summary>
    public static ScanRequest Default { get; } = new(["all"], []);

    public bool Equals(ScanRequest? other) =>
        other is not null
        && ResourceTypes.SequenceEqual(other.ResourceTypes)
        && Regions.SequenceEqual(other.Regions)
        && Severity == other.Severity
        && ForceRefresh == other.ForceRefresh;

    public override int GetHashCode() => HashCode.Combine(ResourceTypes.Length, Regions.Length, Severity, ForceRefresh);
}
