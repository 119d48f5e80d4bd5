using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Domain.History;

/// <summary>
/// A resource's tags and verdicts over the kept scans that observed it, newest entry first; consecutive scans in which it
/// looked and was judged the same are one entry.
/// </summary>
/// <param name="Arn">The resource.</param>
/// <param name="Entries">Newest first; empty when history never observed the resource.</param>
/// <param name="ScansRead">How many kept scans the entries cover.</param>
/// <param name="HasEarlier">Whether history holds older observations than the ones read (the limit stopped the read).</param>
public sealed record ResourceTimeline(string Arn, ImmutableArray<ResourceTimelineEntry> Entries, int ScansRead, bool HasEarlier)
{
    /// <summary>Most scans one timeline reads.</summary>
    public const int MaxScans = 500;

    /// <summary>Scans a timeline reads unless told otherwise.</summary>
    public const int DefaultScans = 50;

    /// <summary>Whether history has nothing for the resource.</summary>
    public bool IsEmpty => Entries.IsEmpty;

    /// <summary>
    /// Folds observations (newest first, as <see cref="IScanHistory.ReadResourceHistoryAsync"/> gives them) into entries,
    /// each observation judged by the evaluator of its own scan's policy. When <paramref name="baseline"/> is given it is
    /// the observation just before the oldest one: the oldest entry's changes are counted from it.
    /// </summary>
    public static ResourceTimeline Fold(string arn, IReadOnlyList<ResourceObservation> newestFirst, ResourceObservation? baseline,
        Func<string, PolicyEvaluator> judge)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(judge);
        var entries = new List<ResourceTimelineEntry>();
        Judged? previous = baseline is null ? null : Judge(baseline, judge);
        Judged? runStart = null;
        Judged? runEnd = null;
        var scans = 0;
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            var current = Judge(newestFirst[i], judge);
            if (runEnd is not null && current.LooksLike(runEnd))
            {
                runEnd = current;
                scans++;
                continue;
            }

            if (runEnd is not null)
            {
                entries.Add(Entry(runStart!, runEnd, scans, previous));
                previous = runEnd;
            }

            runStart = current;
            runEnd = current;
            scans = 1;
        }

        if (runEnd is not null)
        {
            entries.Add(Entry(runStart!, runEnd, scans, previous));
        }

        entries.Reverse();
        return new ResourceTimeline(arn, [.. entries], newestFirst.Count, baseline is not null);
    }

    private static ResourceTimelineEntry Entry(Judged start, Judged end, int scans, Judged? previous)
    {
        var now = end.Observation.Resource;
        var was = previous?.Observation.Resource;
        return new ResourceTimelineEntry(
            start.Observation.At,
            end.Observation.At,
            start.Observation.ScanId,
            end.Observation.ScanId,
            scans,
            now,
            end.Observation.PolicyHash,
            end.Verdict,
            end.Violations,
            was is null ? [] : TagChanges(was.Tags, now.Tags),
            was is null || was.State == now.State ? null : new ValueChange(was.State, now.State),
            was is null || was.Name == now.Name ? null : new ValueChange(was.Name, now.Name),
            previous is not null && previous.Observation.PolicyHash != start.Observation.PolicyHash,
            previous is null);
    }

    /// <summary>Tags added, removed or changed between two observations, in key order (the first value of a repeated key).</summary>
    public static ImmutableArray<TagChange> TagChanges(ImmutableArray<Tag> before, ImmutableArray<Tag> after)
    {
        var was = Values(before);
        var now = Values(after);
        return [.. was.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => new TagChange(k, was.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)];

        static Dictionary<string, string> Values(ImmutableArray<Tag> tags) =>
            (tags.IsDefault ? [] : tags).GroupBy(t => t.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
    }

    private static Judged Judge(ResourceObservation observation, Func<string, PolicyEvaluator> judge)
    {
        var (verdict, violations) = judge(observation.PolicyHash).Evaluate(observation.Resource);
        return new Judged(observation, verdict, violations);
    }

    /// <summary>An observation with its verdict under its scan's policy.</summary>
    private sealed record Judged(ResourceObservation Observation, ResourceVerdict Verdict, ImmutableArray<TagViolation> Violations)
    {
        /// <summary>Same tags (in any order), state, name and verdict: the same entry.</summary>
        public bool LooksLike(Judged other)
        {
            var a = Observation.Resource;
            var b = other.Observation.Resource;
            return a.State == b.State && a.Name == b.Name && Verdict == other.Verdict
                && Violations.SequenceEqual(other.Violations)
                && SortedTags(a.Tags).SequenceEqual(SortedTags(b.Tags));
        }

        private static IEnumerable<Tag> SortedTags(ImmutableArray<Tag> tags) =>
            (tags.IsDefault ? [] : tags).OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Value, StringComparer.Ordinal);
    }
}
