using FinOps.Domain.Resources;

namespace FinOps.Tests.Integration.Live;

public sealed class Ec2InventoryTests
{
    private static readonly ResourceTypeInfo Instance = ResourceCatalogue.Get("ec2:instance");

    [Fact]
    public async Task Instances_of_every_page_are_listed_without_terminated_or_shutting_down_ones()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var pages = await aws.Inventory.ListAsync("us-east-1", Instance, CancellationToken.None).PagesAsync();

        Assert.Equal(3, pages.Count);
        Assert.Equal(3, aws.Fake.Of("ec2", "DescribeInstances").Count);
        var instances = pages.SelectMany(p => p).ToList();
        Assert.Equal(
            [
                ("arn:aws:ec2:us-east-1:123456789012:instance/i-0000000000000001", "running"),
                ("arn:aws:ec2:us-east-1:123456789012:instance/i-0000000000000002", "stopped"),
                ("arn:aws:ec2:us-east-1:123456789012:instance/i-0000000000000005", "pending"),
                ("arn:aws:ec2:us-east-1:123456789012:instance/i-0000000000000006", "running"),
            ],
            instances.Select(i => (i.Arn, i.State!)));
        Assert.All(instances, i => Assert.Equal(("ec2:instance", "us-east-1", "vpc-0e1"), (i.Type, i.Region, i.VpcId!)));
    }

    [Fact]
    public async Task Untagged_instances_are_found_with_no_tags_and_no_name()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var instances = await aws.Inventory.ListAsync("us-east-1", Instance, CancellationToken.None).AllAsync();

        // i-…2 comes without any tagSet element (a null collection in SDK v4), i-…5 with an empty one.
        var untagged = instances.Where(i => i.Tags.IsEmpty).Select(i => Arn.Parse(i.Arn).ResourceId);
        Assert.Equal(["i-0000000000000002", "i-0000000000000005"], untagged);
        Assert.All(instances.Where(i => i.Tags.IsEmpty), i => Assert.Null(i.Name));
    }

    [Fact]
    public async Task Tags_names_and_launch_times_are_mapped()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var web = (await aws.Inventory.ListAsync("us-east-1", Instance, CancellationToken.None).AllAsync())[0];

        Assert.Equal([new Tag("Name", "web-1"), new Tag("Environment", "production"), new Tag("Owner", "alice@example.com")], web.Tags.ToArray());
        Assert.Equal("web-1", web.Name);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero), web.CreatedAt);
    }

    [Fact]
    public async Task Pagination_tokens_are_passed_back_exactly()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        await aws.Inventory.ListAsync("us-east-1", Instance, CancellationToken.None).AllAsync();

        // The fake's tokens contain '+', '/' and '=': any re-encoding slip would be refused or mismatch here.
        var issued = aws.Fake.Tokens.Issued.ToList();
        Assert.Equal(2, issued.Count);
        Assert.Equal(issued, aws.Fake.Tokens.Received.ToList());
        Assert.All(issued, t => Assert.Contains('+', t));
    }

    [Fact]
    public async Task Each_region_is_asked_in_its_own_region()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var instances = await aws.Inventory.ListAsync("eu-west-1", Instance, CancellationToken.None).AllAsync();

        Assert.Equal(3, instances.Count);
        Assert.All(instances, i => Assert.StartsWith("arn:aws:ec2:eu-west-1:123456789012:instance/", i.Arn));
        Assert.All(aws.Fake.Of("ec2", "DescribeInstances"), r => Assert.Equal("eu-west-1", r.Region));
    }

    [Fact]
    public async Task An_empty_region_lists_nothing_and_succeeds()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var instances = await aws.Inventory.ListAsync("us-west-2", Instance, CancellationToken.None).AllAsync();

        Assert.Empty(instances);
    }

    [Fact]
    public async Task Volumes_span_pages_with_their_states()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var volumes = await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("ec2:volume"), CancellationToken.None).AllAsync();

        Assert.Equal(["in-use", "available", "in-use"], volumes.Select(v => v.State));
        Assert.Equal("web-1-root", volumes[0].Name);
        Assert.Empty(volumes[1].Tags);
        Assert.Equal(2, aws.Fake.Of("ec2", "DescribeVolumes").Count);
    }

    [Fact]
    public async Task Only_the_accounts_own_snapshots_are_listed()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var snapshots = await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("ec2:snapshot"), CancellationToken.None).AllAsync();

        Assert.Equal(["snap-0000000000000001", "snap-0000000000000002", "snap-0000000000000003"], snapshots.Select(s => Arn.Parse(s.Arn).ResourceId));
        Assert.All(aws.Fake.Of("ec2", "DescribeSnapshots"), r => Assert.Contains("Owner.1=self", r.Parameters));
    }

    [Fact]
    public async Task Elastic_ips_are_named_by_tag_or_public_address()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var addresses = await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("ec2:elastic-ip"), CancellationToken.None).AllAsync();

        Assert.Equal(
            [
                ("arn:aws:ec2:us-east-1:123456789012:elastic-ip/eipalloc-0000000001", "nat-ip", "associated"),
                ("arn:aws:ec2:us-east-1:123456789012:elastic-ip/eipalloc-0000000002", "203.0.113.11", "unassociated"),
            ],
            addresses.Select(a => (a.Arn, a.Name!, a.State!)));
    }

    [Fact]
    public async Task Deleted_nat_gateways_are_left_out()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var gateways = await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("ec2:natgateway"), CancellationToken.None).AllAsync();

        var gateway = Assert.Single(gateways);
        Assert.Equal(("egress", "available", "vpc-0e1"), (gateway.Name!, gateway.State!, gateway.VpcId!));
    }

    [Fact]
    public async Task Free_network_types_are_listed_with_their_vpc()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var vpcs = await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("ec2:vpc"), CancellationToken.None).AllAsync();
        var subnets = await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("ec2:subnet"), CancellationToken.None).AllAsync();
        var groups = await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("ec2:security-group"), CancellationToken.None).AllAsync();

        Assert.Equal("arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0e1", Assert.Single(vpcs).Arn);
        Assert.Equal(["public-a", null], subnets.Select(s => s.Name));
        Assert.Equal(["default", "web"], groups.Select(g => g.Name));
        Assert.All(subnets.Concat(groups), r => Assert.Equal("vpc-0e1", r.VpcId));
    }

    [Fact]
    public async Task Ec2_types_report_complete_coverage()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        Assert.All(ResourceCatalogue.All.Where(t => t.Inventory == InventoryMethod.Ec2),
            t => Assert.Equal(Coverage.Complete, aws.Inventory.CoverageOf(t)));
    }
}
