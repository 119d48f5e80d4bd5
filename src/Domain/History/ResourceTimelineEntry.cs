using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Domain.History;

/// <summary>
/// A stretch of kept scans in which a resource looked the same and was judged the same: its tags, state and name, and
/// its verdict under each scan's own policy. A new entry starts when any of them changes.
/// </summary>
/// <param name="From">When the first (oldest) scan of the stretch finished.</param>
/// <param name="To">When the last (newest) scan of the stretch finished (equal to <paramref name="From"/> for one scan).</param>
/// <param name="FirstScanId">The oldest scan of the stretch.</param>
/// <param name="LastScanId">The newest scan of the stretch.</param>
/// <param name="Scans">How many kept scans observed the resource in the stretch.</param>
/// <param name="Resource">What the newest scan of the stretch observed (the tags, state and name of every scan in it).</param>
/// <param name="PolicyHash">The policy the newest scan of the stretch was judged by.</param>
/// <param name="Verdict">In scope, errors and warnings under that policy.</param>
/// <param name="Violations">The rules the tags broke then; empty when none did.</param>
/// <param name="TagChanges">Tags added, removed or changed since the previous entry, in key order; empty for the first.</param>
/// <param name="StateChange">The state before and after, when it changed since the previous entry.</param>
/// <param name="NameChange">The name before and after, when it changed since the previous entry.</param>
/// <param name="PolicyChanged">Whether the policy differs from the one of the previous entry's newest scan.</param>
/// <param name="IsFirst">No earlier observation was read: the first time history saw the resource, or the oldest one read.</param>
public sealed record ResourceTimelineEntry(
    DateTimeOffset From,
    DateTimeOffset To,
    string FirstScanId,
    string LastScanId,
    int Scans,
    CloudResource Resource,
    string PolicyHash,
    ResourceVerdict Verdict,
    ImmutableArray<TagViolation> Violations,
    ImmutableArray<TagChange> TagChanges,
    ValueChange? StateChange,
    ValueChange? NameChange,
    bool PolicyChanged,
    bool IsFirst)
{
    /// <summary>Whether the entry covers one scan only.</summary>
    public bool IsSingleScan => FirstScanId == LastScanId;

    /// <summary>Whether nothing about the resource itself changed since the previous entry (only the verdict, through a policy change).</summary>
    public bool OnlyVerdictChanged => !IsFirst && TagChanges.IsEmpty && StateChange is null && NameChange is null;
}

/// <summary>A value before and after (null: none).</summary>
public sealed record ValueChange(string? Before, string? After);
