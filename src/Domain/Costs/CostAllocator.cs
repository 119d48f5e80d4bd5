using System.Collections.Immutable;
using System.Globalization;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Costs;

/// <summary>
/// Gives every scanned resource a cost for the period: its measured cost where the source has one,
/// otherwise an even share of its SERVICE × REGION line (largest remainder, so shares add up to the cent), otherwise
/// unavailable. Stopped instances carry no compute cost. Untaggable services and lines no resource can carry are
/// kept per line and per region so that totals reconcile exactly and no cent is counted twice.
/// </summary>
public static class CostAllocator
{
    private const string ComputeService = "Amazon Elastic Compute Cloud - Compute";

    /// <summary>Spreads <paramref name="snapshot"/> over <paramref name="resources"/>; costs come back in the same order.</summary>
    public static CostAllocation Allocate(IReadOnlyList<CloudResource> resources, CostSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(snapshot);

        var costs = new ResourceCost[resources.Count];
        var notes = new List<string>();
        var lines = new List<LineAllocation>(snapshot.Lines.Length);

        // Resources grouped under the (service, region) line they cost under, in input order.
        var byLine = new Dictionary<(string Service, string Region), List<int>>();
        for (var i = 0; i < resources.Count; i++)
        {
            var r = resources[i];
            costs[i] = ResourceCost.Unavailable;
            if (!ResourceCatalogue.TryGet(r.Type, out var type) || !type.GeneratesCost)
            {
                continue;
            }

            var key = (type.CostService!, r.Region);
            if (!byLine.TryGetValue(key, out var members))
            {
                byLine[key] = members = [];
            }

            members.Add(i);
        }

        var measured = snapshot.MeasuredResourceCosts;
        var unmeasured = new List<int>();
        foreach (var line in MergeDuplicates(snapshot.Lines, notes))
        {
            if (ResourceCatalogue.IsUntaggable(line.Service))
            {
                // Untaggable services carry no resources: the whole line is untaggable (even if a type maps to it).
                lines.Add(new LineAllocation(line.Service, line.Region, line.AmountCents, 0, 0, 0, line.AmountCents, 0, 0, 0, 0));
                continue;
            }

            if (!byLine.Remove((line.Service, line.Region), out var members))
            {
                lines.Add(new LineAllocation(line.Service, line.Region, line.AmountCents, 0, 0, 0, 0, line.AmountCents, 0, 0, 0));
                continue;
            }

            long measuredSum = 0;
            int measuredCount = 0, stopped = 0;
            unmeasured.Clear();
            foreach (var i in members)
            {
                if (measured.TryGetValue(resources[i].Arn, out var cents))
                {
                    costs[i] = new ResourceCost(cents, CostProvenance.Measured);
                    measuredSum += cents;
                    measuredCount++;
                }
                else if (line.Service == ComputeService && resources[i].IsStopped)
                {
                    costs[i] = new ResourceCost(0, CostProvenance.Allocated);
                    stopped++;
                }
                else
                {
                    unmeasured.Add(i);
                }
            }

            // Measured costs above the billed amount join the total (the line is then fully carried); a credit
            // (negative line) is never spread over resources and stays unallocated.
            var excess = Math.Max(0, measuredSum - Math.Max(line.AmountCents, 0));
            if (excess > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Measured resource costs under '{line.Service}' in {line.Region} exceed the billed line by {excess / 100m:N2} USD; the excess is added to the region's total."));
            }

            var remaining = line.AmountCents + excess - measuredSum;
            long allocated = 0;
            if (remaining > 0 && unmeasured.Count > 0)
            {
                Split(remaining, unmeasured, resources, costs);
                allocated = remaining;
                remaining = 0;
            }
            else
            {
                foreach (var i in unmeasured)
                {
                    costs[i] = new ResourceCost(0, CostProvenance.Allocated);
                }
            }

            lines.Add(new LineAllocation(line.Service, line.Region, line.AmountCents, excess, measuredSum, allocated, 0,
                remaining, members.Count, measuredCount, stopped));
        }

        // Resources whose line the source did not report: measured figures still count (and join the total).
        foreach (var ((service, region), members) in byLine)
        {
            long measuredSum = 0;
            var measuredCount = 0;
            foreach (var i in members)
            {
                if (measured.TryGetValue(resources[i].Arn, out var cents))
                {
                    costs[i] = new ResourceCost(cents, CostProvenance.Measured);
                    measuredSum += cents;
                    measuredCount++;
                }
            }

            if (measuredCount > 0)
            {
                lines.Add(new LineAllocation(service, region, 0, measuredSum, measuredSum, 0, 0, 0, members.Count, measuredCount, 0));
            }
        }

        lines.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Region, b.Region);
            return c != 0 ? c : string.CompareOrdinal(a.Service, b.Service);
        });

        var spend = lines
            .GroupBy(l => l.Region, StringComparer.Ordinal)
            .Select(g => new RegionSpend(g.Key, g.Sum(l => l.TotalCents), g.Sum(l => l.UntaggableCents), g.Sum(l => l.UnallocatedCents)))
            .ToImmutableArray();
        return new CostAllocation(ImmutableArray.Create(costs), spend, snapshot, [.. notes], [.. lines]);
    }

    /// <summary>A source should report each (service, region) once; if it does not, the amounts are added, never lost.</summary>
    private static List<CostLine> MergeDuplicates(ImmutableArray<CostLine> lines, List<string> notes)
    {
        var seen = new Dictionary<(string, string), int>(lines.Length);
        var merged = new List<CostLine>(lines.Length);
        foreach (var line in lines)
        {
            if (seen.TryGetValue((line.Service, line.Region), out var at))
            {
                merged[at] = merged[at] with { AmountCents = merged[at].AmountCents + line.AmountCents };
                notes.Add($"The cost source reported '{line.Service}' in {line.Region} more than once; the amounts were added.");
            }
            else
            {
                seen[(line.Service, line.Region)] = merged.Count;
                merged.Add(line);
            }
        }

        return merged;
    }

    /// <summary>Splits an amount evenly; the remainder cents go one each to the first resources by ARN (largest remainder).</summary>
    private static void Split(long amount, List<int> members, IReadOnlyList<CloudResource> resources, ResourceCost[] costs)
    {
        if (!IsSortedByArn(members, resources))
        {
            members.Sort((a, b) => string.CompareOrdinal(resources[a].Arn, resources[b].Arn));
        }

        var share = amount / members.Count;
        var extra = amount % members.Count;
        for (var k = 0; k < members.Count; k++)
        {
            costs[members[k]] = new ResourceCost(share + (k < extra ? 1 : 0), CostProvenance.Allocated);
        }
    }

    // The aggregator hands resources over sorted by region then ARN, so the sort is usually skipped.
    private static bool IsSortedByArn(List<int> members, IReadOnlyList<CloudResource> resources)
    {
        for (var k = 1; k < members.Count; k++)
        {
            if (string.CompareOrdinal(resources[members[k - 1]].Arn, resources[members[k]].Arn) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
