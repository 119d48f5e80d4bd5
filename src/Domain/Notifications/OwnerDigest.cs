using System.Collections.Immutable;
using FinOps.Domain.History;
using FinOps.Domain.Owners;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Notifications;

/// <summary>
/// What one owner is told after a scheduled run: their violations by spend at stake, and what changed on their
/// resources since their previous digest (the schedule's previous run). Holds only the owner's resources.
/// </summary>
/// <param name="Owner">Who it is for.</param>
/// <param name="Now">Their figures after the run.</param>
/// <param name="Before">Their figures after the previous run, or null on the first run (or when they had no resources then).</param>
/// <param name="Violations">Their violations, highest cost at stake first.</param>
/// <param name="Changes">What changed on their resources since the previous run, largest gap movement first.</param>
/// <param name="ExpiringWaivers">
/// Their waived violations whose waiver ends within the rules' warning window, soonest first: on that day they count
/// again in the score and the gap.
/// </param>
public sealed record OwnerDigest(
    Owner Owner,
    OwnerRow Now,
    FigureSnapshot? Before,
    ImmutableArray<Violation> Violations,
    ImmutableArray<ResourceDrift> Changes,
    ImmutableArray<Violation> ExpiringWaivers)
{
    public FigureSnapshot Figures => FigureSnapshot.Of(Now.Summary);

    /// <summary>Violations that appeared on their resources since the previous run.</summary>
    public int NewViolations => Changes.Sum(c => c.NewViolations.Length);

    /// <summary>Violations fixed on their resources since the previous run.</summary>
    public int FixedViolations => Changes.Sum(c => c.FixedViolations.Length);

    /// <summary>How much their gap moved since the previous run (positive: grew).</summary>
    public long GapMovedCents => Before is null ? Now.GapCents : Now.GapCents - Before.GapCents;

    /// <summary>Whether anything about them changed since the previous run.</summary>
    public bool Changed => Before is null || !Changes.IsEmpty || Figures != Before || !ExpiringWaivers.IsEmpty;

    /// <summary>Whether things got worse for them: the gap grew, the score fell or violations are new.</summary>
    public bool Worse => Before is null
        ? !Violations.IsEmpty
        : Now.GapCents > Before.GapCents || Figures.Score < Before.Score || NewViolations > 0;
}
