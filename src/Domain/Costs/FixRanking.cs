using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Costs;

/// <summary>Ranks non-compliant resources by cost at stake (then ARN) and says what fixing the top ones closes.</summary>
public static class FixRanking
{
    /// <summary>How many offenders a plan lists per scope unless told otherwise.</summary>
    public const int DefaultTop = 10;

    /// <summary>Builds the plan for a result (or a region-filtered view of one).</summary>
    public static FixPlan Build(ComplianceResult result, int top = DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(top);

        // Bounded selection per region: O(n log top), no sort of every resource.
        var overall = new TopOffenders(top);
        var perRegion = new Dictionary<string, TopOffenders>(StringComparer.Ordinal);
        foreach (var r in result.Resources)
        {
            if (!r.IsInGap)
            {
                continue;
            }

            overall.Offer(r);
            if (!perRegion.TryGetValue(r.Region, out var regional))
            {
                perRegion[r.Region] = regional = new TopOffenders(top);
            }

            regional.Offer(r);
        }

        var regions = result.Regions
            .Select(row => Closure(row.Region, perRegion.GetValueOrDefault(row.Region) ?? new TopOffenders(top), row.Summary) with
            {
                NotScannedReason = row.IsMeasured ? null : row.FailureReason ?? "not scanned yet",
            })
            .ToImmutableArray();
        return new FixPlan(Closure(GapClosure.AllRegions, overall, result.Summary), regions);
    }

    /// <summary>Every non-compliant resource of a set, highest cost at stake first (then ARN).</summary>
    public static ImmutableArray<RankedResource> Rank(IEnumerable<EvaluatedResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var offenders = resources.Where(r => r.IsInGap).ToList();
        offenders.Sort(ByCostAtStake);
        return [.. offenders.Select((r, i) => Ranked(i + 1, r))];
    }

    private static GapClosure Closure(string scope, TopOffenders offenders, ComplianceSummary summary)
    {
        var ranked = offenders.Ordered().Select((r, i) => Ranked(i + 1, r)).ToImmutableArray();
        return new GapClosure(scope, ranked, ranked.Sum(r => r.CostAtStakeCents), summary.GapCents, summary.NonCompliant);
    }

    /// <summary>A ranked offender with the keys to fix: its unwaived error violations' keys (never a waived one).</summary>
    private static RankedResource Ranked(int rank, EvaluatedResource r) =>
        new(rank, r, [.. r.Violations.Where((v, i) => v.Severity == Severity.Error && r.WaivedUntilAt(i) is null)
            .Select(v => v.TagKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    private static int ByCostAtStake(EvaluatedResource x, EvaluatedResource y)
    {
        var c = y.CostAtStakeCents.CompareTo(x.CostAtStakeCents);
        return c != 0 ? c : string.CompareOrdinal(x.Arn, y.Arn);
    }

    /// <summary>Keeps the <c>top</c> best-ranked resources offered; the worst kept sits at the heap's root.</summary>
    private sealed class TopOffenders(int top)
    {
        // Priority = the resource itself, ordered so that the lowest-ranked kept resource dequeues first.
        private readonly PriorityQueue<EvaluatedResource, EvaluatedResource> _heap =
            new(Comparer<EvaluatedResource>.Create((a, b) => ByCostAtStake(b, a)));

        public void Offer(EvaluatedResource r)
        {
            if (top == 0)
            {
                return;
            }

            if (_heap.Count < top)
            {
                _heap.Enqueue(r, r);
            }
            else if (ByCostAtStake(r, _heap.Peek()) < 0)
            {
                _heap.DequeueEnqueue(r, r);
            }
        }

        public List<EvaluatedResource> Ordered()
        {
            var list = _heap.UnorderedItems.Select(i => i.Element).ToList();
            list.Sort(ByCostAtStake);
            return list;
        }
    }
}
