using FinOps.Domain.Ports;

namespace FinOps.Tests.Integration.Live;

public sealed class RegionCatalogueTests
{
    [Fact]
    public async Task Every_region_is_listed_with_its_opt_in_status()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var regions = await aws.Regions.ListRegionsAsync(CancellationToken.None);

        Assert.Equal(
            [
                new RegionInfo("af-south-1", OptInStatus.OptedIn),
                new RegionInfo("ap-east-1", OptInStatus.NotOptedIn),
                new RegionInfo("eu-west-1", OptInStatus.OptInNotRequired),
                new RegionInfo("me-south-1", OptInStatus.NotOptedIn),
                new RegionInfo("us-east-1", OptInStatus.OptInNotRequired),
                new RegionInfo("us-west-2", OptInStatus.OptInNotRequired),
            ],
            regions);
        var call = Assert.Single(aws.Fake.Of("ec2", "DescribeRegions"));
        Assert.Contains("AllRegions=true", call.Parameters);
        Assert.Equal("us-east-1", call.Region);
    }

    [Fact]
    public async Task Not_opted_in_regions_are_not_enabled()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var enabled = (await aws.Regions.ListRegionsAsync(CancellationToken.None)).Where(r => r.IsEnabled).Select(r => r.Name);

        Assert.Equal(["af-south-1", "eu-west-1", "us-east-1", "us-west-2"], enabled);
    }

    [Fact]
    public async Task Region_discovery_is_asked_in_the_configured_default_region()
    {
        await using var aws = await LiveAwsHarness.StartAsync(o => o.Region = "eu-west-1");

        await aws.Regions.ListRegionsAsync(CancellationToken.None);

        Assert.Equal("eu-west-1", Assert.Single(aws.Fake.Of("ec2", "DescribeRegions")).Region);
    }
}
