using System.Collections.Immutable;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Costs;

/// <summary>
/// Gives every scanned resource a cost for the period (PRODUCT.md §5): its measured cost where the source has one,
/// otherwise an even share of its SERVICE × REGION line (largest-remainder, so shares add up to the cent), otherwise
/// unavailable. Stopped instances carry no compute cost. Untaggable services and lines no resource can carry are
/// kept per region so that totals reconcile exactly.
/// </summary>
public static class CostAllocator
{
    private const string ComputeService = "Amazon Elastic Compute Cloud - Compute";

    public static CostAllocation Allocate(IReadOnlyList<CloudResource> resources, CostSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(snapshot);

        var costs = new ResourceCost[resources.Count];
        var notes = new List<string>();
        var regions = new Dictionary<string, (long Total, long Untaggable, long Unallocated)>(StringComparer.Ordinal);

        // Resources grouped under the (service, region) line they cost under.
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
        foreach (var line in snapshot.Lines)
        {
            var region = regions.GetValueOrDefault(line.Region);
            region.Total += line.AmountCents;
            if (ResourceCatalogue.IsUntaggable(line.Service))
            {
                region.Untaggable += line.AmountCents;
                regions[line.Region] = region;
                continue;
            }

            if (!byLine.Remove((line.Service, line.Region), out var members))
            {
                region.Unallocated += line.AmountCents;
                regions[line.Region] = region;
                continue;
            }

            var remaining = line.AmountCents;
            var unmeasured = new List<int>();
            foreach (var i in members)
            {
                if (measured.TryGetValue(resources[i].Arn, out var cents))
                {
                    costs[i] = new ResourceCost(cents, CostProvenance.Measured);
                    remaining -= cents;
                }
                else if (line.Service == ComputeService && resources[i].IsStopped)
                {
                    costs[i] = new ResourceCost(0, CostProvenance.Allocated);
                }
                else
                {
                    unmeasured.Add(i);
                }
            }

            if (remaining < 0)
            {
                notes.Add($"Measured resource costs under '{line.Service}' in {line.Region} exceed the billed line by {-remaining / 100m:N2} USD.");
            }

            if (unmeasured.Count == 0 || remaining <= 0)
            {
                foreach (var i in unmeasured)
                {
                    costs[i] = new ResourceCost(0, CostProvenance.Allocated);
                }

                region.Unallocated += remaining;
            }
            else
            {
                Split(remaining, unmeasured, resources, costs);
            }

            regions[line.Region] = region;
        }

        // Resources whose line the source did not report: measured figures still count (and join the total).
        foreach (var ((service, regionName), members) in byLine)
        {
            foreach (var i in members)
            {
                if (measured.TryGetValue(resources[i].Arn, out var cents))
                {
                    costs[i] = new ResourceCost(cents, CostProvenance.Measured);
                    var region = regions.GetValueOrDefault(regionName);
                    region.Total += cents;
                    regions[regionName] = region;
                }
            }
        }

        var spend = regions
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new RegionSpend(r.Key, r.Value.Total, r.Value.Untaggable, r.Value.Unallocated))
            .ToImmutableArray();
        return new CostAllocation(ImmutableArray.Create(costs), spend, snapshot, [.. notes]);
    }

    /// <summary>Splits an amount evenly; the remainder cents go one each to the first resources by ARN.</summary>
    private static void Split(long amount, List<int> members, IReadOnlyList<CloudResource> resources, ResourceCost[] costs)
    {
        members.Sort((a, b) => string.CompareOrdinal(resources[a].Arn, resources[b].Arn));
        var share = amount / members.Count;
        var extra = amount % members.Count;
        for (var k = 0; k < members.Count; k++)
        {
            costs[members[k]] = new ResourceCost(share + (k < extra ? 1 : 0), CostProvenance.Allocated);
        }
    }
}
