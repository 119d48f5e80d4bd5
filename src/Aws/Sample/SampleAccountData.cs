using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Sample;

/// <summary>
/// The generated content of the sample account, immutable once built and shared by every scan: the resources of
/// each (region, type) listing, and for each cost-generating resource its monthly cost and the SERVICE × REGION line
/// it is billed under, plus the monthly lines no resource carries (untaggable and unallocated spend), and the workload
/// each resource belongs to (what its tags should say, see <see cref="SampleTagTruth"/>).
/// </summary>
internal sealed class SampleAccountData
{
    private readonly Dictionary<(string Region, string Type), CloudResource[]> _listings;
    private readonly Dictionary<(string Region, string Type), byte[]> _workloadOf;

    public SampleAccountData(
        Dictionary<(string Region, string Type), CloudResource[]> listings,
        CloudResource[] costed,
        long[] monthlyCents,
        int[] lineOf,
        ImmutableArray<(string Service, string Region)> lineKeys,
        ImmutableArray<CostLine> otherMonthlyLines,
        ImmutableArray<SampleWorkload> workloads,
        Dictionary<(string Region, string Type), byte[]> workloadOf)
    {
        _listings = listings;
        _workloadOf = workloadOf;
        Workloads = workloads;
        Costed = costed;
        MonthlyCents = monthlyCents;
        LineOf = lineOf;
        LineKeys = lineKeys;
        OtherMonthlyLines = otherMonthlyLines;
        CostIndexByArn = new Dictionary<string, int>(costed.Length, StringComparer.Ordinal);
        for (var i = 0; i < costed.Length; i++)
        {
            CostIndexByArn.Add(costed[i].Arn, i);
        }

        ResourceCount = listings.Values.Sum(l => l.Length);
    }

    /// <summary>Every cost-generating resource, in generation order.</summary>
    public CloudResource[] Costed { get; }

    /// <summary>Monthly cost of <see cref="Costed"/>[i], in cents.</summary>
    public long[] MonthlyCents { get; }

    /// <summary>Index into <see cref="LineKeys"/> of the line <see cref="Costed"/>[i] is billed under.</summary>
    public int[] LineOf { get; }

    /// <summary>The SERVICE × REGION lines resources are billed under.</summary>
    public ImmutableArray<(string Service, string Region)> LineKeys { get; }

    /// <summary>Monthly spend no resource carries: untaggable services and services without scanned resources.</summary>
    public ImmutableArray<CostLine> OtherMonthlyLines { get; }

    /// <summary>Position of a cost-generating resource in <see cref="Costed"/> by ARN.</summary>
    public Dictionary<string, int> CostIndexByArn { get; }

    /// <summary>How many resources the account holds (every type).</summary>
    public int ResourceCount { get; }

    /// <summary>The account's workloads (application × environment).</summary>
    public ImmutableArray<SampleWorkload> Workloads { get; }

    /// <summary>The workload of the resource at <paramref name="index"/> of <see cref="Listing"/>(region, type).</summary>
    public SampleWorkload WorkloadOf(string region, string type, int index) => Workloads[_workloadOf[(region, type)][index]];

    /// <summary>The index into <see cref="Workloads"/> of the resource at <paramref name="index"/> of <see cref="Listing"/>(region, type).</summary>
    public byte WorkloadIndexOf(string region, string type, int index) => _workloadOf[(region, type)][index];

    /// <summary>Every listing of the account, by (region, type).</summary>
    public IEnumerable<KeyValuePair<(string Region, string Type), CloudResource[]>> Listings => _listings;

    /// <summary>The resources of one type in one region (<c>global</c> for global types), in listing order.</summary>
    public CloudResource[] Listing(string region, string type) =>
        _listings.TryGetValue((region, type), out var resources) ? resources : [];
}
