using FinOps.Domain.Resources;

namespace FinOps.Domain.History;

/// <summary>
/// A resource whose observation differs between the account states as of two scans: absent before (added), absent
/// after (removed), or observed differently (tags, state, name…).
/// </summary>
/// <param name="Arn">The resource.</param>
/// <param name="Before">What the earlier state held, or null.</param>
/// <param name="After">What the later state holds, or null.</param>
public sealed record ObservationChange(string Arn, CloudResource? Before, CloudResource? After);
