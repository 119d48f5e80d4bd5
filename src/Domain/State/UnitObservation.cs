using System.Collections.Immutable;
using FinOps.Domain.Resources;

namespace FinOps.Domain.State;

/// <summary>What one successful scan saw of a unit: every resource it listed there (possibly none).</summary>
/// <param name="ScanId">The scan that listed the unit.</param>
/// <param name="ObservedAt">When that scan's data was complete.</param>
/// <param name="Resources">The unit's resources, unique by ARN.</param>
public sealed record UnitObservation(string ScanId, DateTimeOffset ObservedAt, ImmutableArray<CloudResource> Resources);
