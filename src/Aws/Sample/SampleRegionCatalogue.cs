using FinOps.Domain.Ports;

namespace FinOps.Aws.Sample;

/// <summary>The sample account's regions: 20, of which 3 are not opted in (one simulated DescribeRegions call).</summary>
public sealed class SampleRegionCatalogue(SampleAccount account) : IRegionCatalogue
{
    public async Task<IReadOnlyList<RegionInfo>> ListRegionsAsync(CancellationToken cancellationToken)
    {
        await account.CallAsync(SampleAccount.ApiRegion, cancellationToken).ConfigureAwait(false);
        return SampleRegions.All;
    }
}
