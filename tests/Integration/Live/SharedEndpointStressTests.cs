using System.Globalization;
using FinOps.Domain.Scanning;
using FinOps.Tests.Integration.AwsFake;

namespace FinOps.Tests.Integration.Live;

/// <summary>
/// Many regions through one endpoint override, one of them denied while its other listings are in flight: the denial
/// fails the region and cancels those listings mid-request, scan after scan. No other region may lose anything to that.
/// Bounded: loopback only, a few seconds.
/// </summary>
public sealed class SharedEndpointStressTests
{
    private const string DeniedRegion = "eu-west-1";
    private const int Runs = 6;
    private const int ResourcesPerKind = 3;

    private static readonly string[] Regions =
    [
        "af-south-1", "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1",
        "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1", "us-east-2", "us-west-2",
    ];

    private static readonly (string Type, string Kind, string Operation)[] Ec2Types =
    [
        ("ec2:instance", "instance", "DescribeInstances"),
        ("ec2:volume", "volume", "DescribeVolumes"),
        ("ec2:snapshot", "snapshot", "DescribeSnapshots"),
        ("ec2:natgateway", "natgateway", "DescribeNatGateways"),
        ("ec2:vpc", "vpc", "DescribeVpcs"),
        ("ec2:subnet", "subnet", "DescribeSubnets"),
        ("ec2:security-group", "security-group", "DescribeSecurityGroups"),
    ];

    [Fact]
    public async Task A_region_denied_mid_scan_costs_no_other_region_on_the_same_endpoint_its_resources()
    {
        await using var scan = await StartAsync(transport: null);

        await AssertEveryRunKeepsTheHealthyRegionsAsync(scan);
    }

    [Fact]
    public async Task A_connection_broken_by_the_denied_regions_cancelled_calls_costs_no_other_region_its_resources()
    {
        BreakingTransport? transport = null;
        await using var scan = await StartAsync(o => transport = new BreakingTransport(o) { CancelledRequestsBreakTheirPool = true });

        await AssertEveryRunKeepsTheHealthyRegionsAsync(scan);

        // The model did break connections (the cancelled calls' own), and every region's EC2 client had a pool of its own.
        Assert.NotNull(transport);
        Assert.True(transport.Broken > 0);
        var ec2Pools = transport.Pools.Where(p => p.Service == "ec2" && Regions.Contains(p.Region)).Select(p => p.Region).ToList();
        Assert.Equal(Regions, ec2Pools.Order(StringComparer.Ordinal));
    }

    private static async Task AssertEveryRunKeepsTheHealthyRegionsAsync(LiveScanHarness scan)
    {
        var request = new ScanRequest([.. Ec2Types.Select(t => t.Type)], []);
        for (var run = 1; run <= Runs; run++)
        {
            var (_, result) = await scan.ScanAsync(request);

            var failed = Assert.Single(result.RegionMetadata.FailedRegions);
            Assert.Equal(DeniedRegion, failed.Region);
            Assert.Contains("ec2:DescribeInstances", failed.Reason);
            Assert.Equal(Regions.Where(r => r != DeniedRegion), result.RegionMetadata.SuccessfulRegions.ToArray());
            foreach (var region in Regions.Where(r => r != DeniedRegion))
            {
                Assert.Equal(Ec2Types.Length * ResourcesPerKind, result.Resources.Count(r => r.Region == region));
            }
        }
    }

    private static async Task<LiveScanHarness> StartAsync(Func<FinOps.Aws.Live.AwsOptions, FinOps.Aws.Live.AwsHttpTransport>? transport)
    {
        var scan = await LiveScanHarness.StartAsync(new Dictionary<string, string?>
        {
            ["FinOps:Scan:MaxConcurrentRegions"] = Regions.Length.ToString(CultureInfo.InvariantCulture),
            ["FinOps:Scan:MaxConcurrentTypesPerRegion"] = Ec2Types.Length.ToString(CultureInfo.InvariantCulture),
            // Generous: 112 listings at once on two busy cores must not time out.
            ["FinOps:Aws:RequestTimeoutSeconds"] = "10",
            ["FinOps:Scan:RegionScanTimeoutSeconds"] = "60",
        }, ManyRegions(), transport);
        scan.Fake.Faults.For(DeniedRegion, "DescribeInstances").DenyAccess();
        // The region's other listings wait on the fake until the denial cancels them: cancelled in flight, every run.
        foreach (var (_, _, operation) in Ec2Types.Where(t => t.Operation != "DescribeInstances"))
        {
            scan.Fake.Faults.For(DeniedRegion, operation).StallAlways();
        }

        return scan;
    }

    private static FakeAccount ManyRegions()
    {
        var account = new FakeAccount { AccountId = FakeAccountSeed.Account, PageSize = 2 };
        var created = new DateTime(2026, 3, 14, 9, 26, 53, DateTimeKind.Utc);
        for (var r = 0; r < Regions.Length; r++)
        {
            account.Regions.Add((Regions[r], "opt-in-not-required"));
            var data = account.In(Regions[r]);
            foreach (var (_, kind, _) in Ec2Types)
            {
                for (var n = 0; n < ResourcesPerKind; n++)
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"{kind[..3]}-{r:x2}{n:x14}");
                    data.Ec2.Add(new FakeEc2Resource(kind, id, [new FakeTag("Name", id)], kind == "instance" ? "running" : "available",
                        "vpc-0e1", created, kind == "security-group" ? "web" : null));
                }
            }
        }

        return account;
    }
}
