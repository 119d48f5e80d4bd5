using System.Collections.Immutable;

namespace FinOps.Domain.Notifications;

/// <summary>What the FinOps channel is told after a scheduled run.</summary>
/// <param name="ScheduleName">The schedule's name.</param>
/// <param name="ScanId">The run's scan.</param>
/// <param name="AsOf">When the run's data was collected.</param>
/// <param name="Now">The scope's figures after the run.</param>
/// <param name="Before">The scope's figures after the previous run, or null on the first run.</param>
/// <param name="NewViolations">Violations new since the previous run whose cost at stake reaches the minimum spend, highest first.</param>
/// <param name="FailedRegions">Regions whose latest attempt failed, with why.</param>
/// <param name="Owners">Owners with a digest this run (sent or not).</param>
/// <param name="ChangedResources">Resources added, removed or changed since the previous run.</param>
/// <param name="FixedViolations">Violations fixed since the previous run.</param>
public sealed record RunSummary(
    string ScheduleName,
    string ScanId,
    DateTimeOffset AsOf,
    FigureSnapshot Now,
    FigureSnapshot? Before,
    ImmutableArray<NewViolation> NewViolations,
    ImmutableArray<(string Region, string Reason)> FailedRegions,
    int Owners,
    int ChangedResources,
    int FixedViolations)
{
    /// <summary>How much the gap moved since the previous run (positive: grew), or null on the first run.</summary>
    public long? GapMovedCents => Before is null ? null : Now.GapCents - Before.GapCents;

    /// <summary>How many points the score moved since the previous run, or null on the first run.</summary>
    public double? ScoreMovedPoints => Before is null ? null : Math.Round(Now.ScorePercent - Before.ScorePercent, 1);

    /// <summary>Whether anything changed since the previous run.</summary>
    public bool Changed => Before is null || Now != Before || ChangedResources > 0 || !NewViolations.IsEmpty || !FailedRegions.IsEmpty;

    /// <summary>Whether things got worse: the gap grew, the score fell, violations are new or regions failed.</summary>
    public bool Worse => Before is null || Now.GapCents > Before.GapCents || Now.Score < Before.Score
        || !NewViolations.IsEmpty || !FailedRegions.IsEmpty;
}
