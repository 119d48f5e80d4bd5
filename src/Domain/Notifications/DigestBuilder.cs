using System.Collections.Immutable;
using FinOps.Domain.History;
using FinOps.Domain.Owners;
using FinOps.Domain.Scanning;
using FinOps.Domain.Schedules;

namespace FinOps.Domain.Notifications;

/// <summary>
/// Builds the messages of a scheduled run from figures other services own: the owner report of the run's result (and
/// of the previous run's, for "before"), and the drift between the two runs' scans. Each owner's digest holds exactly
/// their resources' violations and changes. One pass over the violations and one over the drift, whatever the number
/// of owners.
/// </summary>
public static class DigestBuilder
{
    /// <param name="run">The finished run.</param>
    /// <param name="now">The owner report of <see cref="ScheduledRun.Result"/>.</param>
    /// <param name="before">The owner report of the previous run's view of the same scope, or null on the first run.</param>
    /// <param name="drift">What changed between the previous run's scan and this one's (the run's scope), or null.</param>
    /// <param name="rules">The rules in force.</param>
    public static RunDigests Build(ScheduledRun run, OwnerReport now, OwnerReport? before, DriftReport? drift, NotificationRules rules)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(rules);
        var result = run.Result;
        var rows = now.Rows;
        var rowOf = new Dictionary<EvaluatedResource, int>(result.Resources.Length, ReferenceEqualityComparer.Instance);
        var byName = new Dictionary<string, int>(rows.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Length; i++)
        {
            byName[rows[i].Name] = i;
            foreach (var r in rows[i].Resources)
            {
                rowOf[r] = i;
            }
        }

        var violations = new List<Violation>?[rows.Length];
        foreach (var v in result.ViolationsByCost)
        {
            var i = rowOf[v.Resource];
            (violations[i] ??= []).Add(v);
        }

        var changes = new List<ResourceDrift>?[rows.Length];
        var newViolations = new List<NewViolation>();
        foreach (var d in drift?.Resources ?? [])
        {
            // A resource still seen belongs to its row; a removed one to its owner as it was before.
            var current = result.Find(d.Arn);
            if (current is not null && rowOf.TryGetValue(current, out var row))
            {
                (changes[row] ??= []).Add(d);
            }
            else if (before?.Result.Find(d.Arn) is { } was && byName.TryGetValue(now.Directory.Resolve(was.Resource).Name, out var other))
            {
                (changes[other] ??= []).Add(d);
            }

            if (current is not null && current.CostAtStakeCents >= rules.MinimumSpendCents)
            {
                var ownerName = rowOf.TryGetValue(current, out var r) ? rows[r].Name : Owner.UnownedName;
                newViolations.AddRange(d.NewViolations.Select(t => new NewViolation(d.Arn, d.Name, d.Region, t, current.CostAtStakeCents, ownerName)));
            }
        }

        var digests = ImmutableArray.CreateBuilder<OwnerDigest>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var previous = before?.Find(rows[i].Name);
            digests.Add(new OwnerDigest(
                rows[i].Owner,
                rows[i],
                previous is null ? null : FigureSnapshot.Of(previous.Summary),
                violations[i] is { } list ? [.. list] : [],
                changes[i] is { } changed ? [.. changed] : [],
                ExpiringWaivers(violations[i], rules, result.AsOf)));
        }

        newViolations.Sort(static (a, b) =>
        {
            var c = b.CostAtStakeCents.CompareTo(a.CostAtStakeCents);
            if (c != 0) return c;
            c = string.CompareOrdinal(a.Arn, b.Arn);
            return c != 0 ? c : string.CompareOrdinal(a.Detail.TagKey, b.Detail.TagKey);
        });
        var failed = result.Regions
            .Where(r => r.Status is RegionScanStatus.Failed or RegionScanStatus.Cancelled)
            .Select(r => (r.Region, r.FailureReason ?? (r.Status == RegionScanStatus.Cancelled ? "cancelled" : "failed")))
            .ToImmutableArray();
        var summary = new RunSummary(run.ScheduleName, run.ScanId, result.AsOf, FigureSnapshot.Of(result.Summary),
            before is null ? null : FigureSnapshot.Of(before.Result.Summary), [.. newViolations], failed, rows.Length,
            drift?.Resources.Length ?? 0, drift?.ViolationsFixed ?? 0);
        return new RunDigests(run, digests.MoveToImmutable(), summary, rules);
    }

    private static ImmutableArray<Violation> ExpiringWaivers(List<Violation>? violations, NotificationRules rules, DateTimeOffset asOf) =>
        violations is null
            ? []
            : [.. violations.Where(v => rules.ExpiresSoon(v, asOf))
                .OrderBy(v => v.WaivedUntil)
                .ThenBy(v => v.Arn, StringComparer.Ordinal)
                .ThenBy(v => v.TagKey, StringComparer.Ordinal)];
}
