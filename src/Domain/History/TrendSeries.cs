using System.Collections.Immutable;

namespace FinOps.Domain.History;

/// <summary>
/// Trend points over time and the policy changes among them: a policy change moves the score without any resource
/// changing, so charts draw it as an annotation.
/// </summary>
/// <param name="Query">What was asked.</param>
/// <param name="Points">The points, oldest first.</param>
/// <param name="PolicyChanges">Where the policy in force changed between consecutive scans.</param>
public sealed record TrendSeries(TrendQuery Query, ImmutableArray<TrendPoint> Points, ImmutableArray<PolicyChangePoint> PolicyChanges);
