using System.Collections.Immutable;
using FinOps.Domain.Policy;

namespace FinOps.Domain.Scanning;

/// <summary>What a caller asks: a scope, and how to answer.</summary>
/// <param name="Scope">The regions and types (parsed once by <see cref="ScanScope.Parse"/>).</param>
/// <param name="Severity">Filters the violation list only; never the score.</param>
/// <param name="ForceRefresh">Scan again even when the account state already answers the scope.</param>
public sealed record ScanRequest(ScanScope Scope, Severity? Severity = null, bool ForceRefresh = false)
{
    /// <summary>A request from raw lists (parsed by <see cref="ScanScope.Parse"/>; throws its errors).</summary>
    public ScanRequest(ImmutableArray<string> resourceTypes, ImmutableArray<string> regions, Severity? severity = null, bool forceRefresh = false)
        : this(ScanScope.Parse(regions.IsDefault ? [] : regions, resourceTypes.IsDefault ? [] : resourceTypes), severity, forceRefresh)
    {
    }

    /// <summary>Every cost-generating type in every enabled region.</summary>
    public static ScanRequest Default { get; } = new(ScanScope.Everything);

    /// <summary>The resolved type codes of the scope.</summary>
    public ImmutableArray<string> ResourceTypes => Scope.ResourceTypes;

    /// <summary>The scope's region filter (empty: every region).</summary>
    public ImmutableArray<string> Regions => Scope.Regions;
}
