using FinOps.Domain.Costs;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Tests.Integration.AwsFake;

namespace FinOps.Tests.Integration.Live;

/// <summary>
/// Exchanges that break inside the HTTP stack (a connection the runtime left broken, a proxy's garbled answer) are
/// network errors: retried by the SDK or the signed JSON client, then by the scanner, never an internal error.
/// </summary>
public sealed class TransportFailureTests
{
    private const string Instances = "ec2:instance";
    private const string Functions = "lambda:function";

    [Fact]
    public async Task A_request_that_breaks_inside_the_http_stack_is_retried_and_the_region_keeps_its_resources()
    {
        BreakingTransport? transport = null;
        await using var scan = await LiveScanHarness.StartAsync(transport: o => transport = new BreakingTransport(o));
        transport!.Break("eu-west-1", "DescribeInstances", 1);
        transport.Break("eu-west-1", "GetResources", 1);

        var (final, result) = await scan.ScanAsync(new ScanRequest([Instances, Functions], []));

        Assert.Equal(DataQualityStatus.Complete, result.DataQuality.Status);
        Assert.Equal(3, result.Resources.Count(r => r.Type == Instances && r.Region == "eu-west-1"));
        Assert.Single(result.Resources, r => r.Type == Functions && r.Region == "eu-west-1");
        Assert.Equal(2, transport.Broken);
        // Retried per request, below the scanner.
        Assert.Equal(0, Assert.Single(final.Regions, r => r.Region == "eu-west-1").Retries);
    }

    [Fact]
    public async Task A_transport_failure_that_outlasts_the_request_retries_is_retried_by_the_scanner_as_a_network_error()
    {
        BreakingTransport? transport = null;
        await using var scan = await LiveScanHarness.StartAsync(new Dictionary<string, string?>
        {
            ["FinOps:Aws:MaxRetries"] = "1",
            ["FinOps:Scan:MaxRetries"] = "2",
        }, transport: o => transport = new BreakingTransport(o));
        transport!.Break("eu-west-1", "DescribeInstances", 1_000);

        var (final, result) = await scan.ScanAsync(new ScanRequest([Instances], []));

        var failed = Assert.Single(result.RegionMetadata.FailedRegions);
        Assert.Equal("eu-west-1", failed.Region);
        Assert.Equal("ec2:instance: ec2:DescribeInstances in eu-west-1 could not reach AWS (network error, after retries). (still failing after 2 retries)",
            failed.Reason);
        Assert.Equal(2, Assert.Single(final.Regions, r => r.Region == "eu-west-1").Retries);
        // (1 request + 1 SDK retry) × (1 listing + 2 scanner restarts).
        Assert.Equal(2 * 3, transport.Broken);
        Assert.Equal(["af-south-1", "us-east-1", "us-west-2"], result.RegionMetadata.SuccessfulRegions.ToArray());
    }

    [Fact]
    public async Task A_cost_explorer_request_that_breaks_inside_the_http_stack_is_retried()
    {
        BreakingTransport? transport = null;
        await using var aws = await LiveAwsHarness.StartAsync(transport: o => transport = new BreakingTransport(o));
        transport!.Break("us-east-1", "GetCostAndUsage", 2);

        var snapshot = await aws.Costs.GetCostsAsync(new CostQuery(BillingPeriod.Month(2026, 9), CostMetric.Unblended, []), CancellationToken.None);

        Assert.NotEmpty(snapshot.Lines);
        Assert.Equal(2, transport.Broken);
    }

    [Fact]
    public async Task Every_client_has_a_connection_pool_of_its_own()
    {
        BreakingTransport? transport = null;
        await using var aws = await LiveAwsHarness.StartAsync(transport: o => transport = new BreakingTransport(o));

        foreach (var region in new[] { "us-east-1", "eu-west-1", "us-west-2" })
        {
            await aws.Inventory.ListAsync(region, ResourceCatalogue.Get(Instances), CancellationToken.None).AllAsync();
            await aws.Inventory.ListAsync(region, ResourceCatalogue.Get(Functions), CancellationToken.None).AllAsync();
        }

        var pools = transport!.Pools.ToList();
        Assert.Equal(pools.Distinct().Count(), pools.Count);
        Assert.Contains(("ec2", "eu-west-1"), pools);
        Assert.Contains(("ec2", "us-west-2"), pools);
        Assert.Contains(("tagging", "eu-west-1"), pools);
        Assert.Contains(("tagging", "us-west-2"), pools);
    }

    [Fact]
    public async Task A_garbled_status_line_or_a_reset_connection_from_the_endpoint_is_retried()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For("us-east-1", "DescribeInstances").GarbleStatusLine(1).ResetConnection(1);
        aws.Fake.Faults.For("us-east-1", "GetResources").ResetConnection(1).GarbleStatusLine(1);
        aws.Fake.Faults.For("us-east-1", "GetCostAndUsage").GarbleStatusLine(1);

        var instances = await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get(Instances), CancellationToken.None).AllAsync();
        var functions = await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get(Functions), CancellationToken.None).AllAsync();
        var costs = await aws.Costs.GetCostsAsync(new CostQuery(BillingPeriod.Month(2026, 9), CostMetric.Unblended, []), CancellationToken.None);

        Assert.Equal(4, instances.Count);
        Assert.Equal(3, functions.Count);
        Assert.NotEmpty(costs.Lines);
        Assert.Equal([FaultKind.GarbledStatusLine, FaultKind.ResetConnection, null, null, null],
            aws.Fake.Of("ec2", "DescribeInstances").Select(r => r.Fault));
        Assert.Equal([FaultKind.ResetConnection, FaultKind.GarbledStatusLine, null, null], aws.Fake.Of("tagging", "GetResources").Select(r => r.Fault));
        Assert.Equal(FaultKind.GarbledStatusLine, aws.Fake.Of("ce", "GetCostAndUsage")[0].Fault);
    }
}
