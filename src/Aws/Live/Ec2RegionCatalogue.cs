using Amazon.EC2.Model;
using FinOps.Domain.Ports;

namespace FinOps.Aws.Live;

/// <summary>Every region of the account with its opt-in status: EC2 DescribeRegions(AllRegions=true) in the default region.</summary>
public sealed class Ec2RegionCatalogue(RegionalClientFactory clients) : IRegionCatalogue
{
    public async Task<IReadOnlyList<RegionInfo>> ListRegionsAsync(CancellationToken cancellationToken)
    {
        var region = clients.DefaultRegion;
        var response = await AwsErrorMapping.RunAsync(AwsCalls.DescribeRegions, region,
            ct => clients.Ec2(region).DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = true }, ct),
            cancellationToken).ConfigureAwait(false);
        return
        [
            .. (response.Regions ?? [])
                .Where(r => !string.IsNullOrEmpty(r.RegionName))
                .Select(r => new RegionInfo(r.RegionName, ParseOptInStatus(r.OptInStatus)))
                .OrderBy(r => r.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// AWS's spelling → <see cref="OptInStatus"/>. A missing status (partitions without opt-in regions) means enabled;
    /// an unknown one is treated as not enabled, so an unexpected answer never leads to scanning a disabled region.
    /// </summary>
    public static OptInStatus ParseOptInStatus(string? status) => status switch
    {
        null or "" or "opt-in-not-required" => OptInStatus.OptInNotRequired,
        "opted-in" => OptInStatus.OptedIn,
        _ => OptInStatus.NotOptedIn,
    };
}
