namespace FinOps.Domain.Ports;

/// <summary>Lists every region of the account with its opt-in status (EC2 DescribeRegions with AllRegions).</summary>
public interface IRegionCatalogue
{
    Task<IReadOnlyList<RegionInfo>> ListRegionsAsync(CancellationToken cancellationToken);
}
