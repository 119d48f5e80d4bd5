using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Amazon.EC2;
using Amazon.EC2.Model;
using FinOps.Domain.Resources;
using Ec2Tag = Amazon.EC2.Model.Tag;
using Tag = FinOps.Domain.Resources.Tag;

namespace FinOps.Aws.Live;

/// <summary>
/// EC2-family listings through the Describe* APIs (SDK paginators, every page), which also return never-tagged
/// resources. ARNs are built as <c>arn:partition:ec2:region:account:kind/id</c>.
/// </summary>
internal sealed class Ec2Inventory(RegionalClientFactory clients, StsAccountIdentity identity)
{
    public IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(string region, ResourceTypeInfo type, CancellationToken cancellationToken) =>
        type.Name switch
        {
            "ec2:instance" => InstancesAsync(region, type, cancellationToken),
            "ec2:volume" => VolumesAsync(region, type, cancellationToken),
            "ec2:snapshot" => SnapshotsAsync(region, type, cancellationToken),
            "ec2:elastic-ip" => AddressesAsync(region, type, cancellationToken),
            "ec2:natgateway" => NatGatewaysAsync(region, type, cancellationToken),
            "ec2:vpc" => VpcsAsync(region, type, cancellationToken),
            "ec2:subnet" => SubnetsAsync(region, type, cancellationToken),
            "ec2:security-group" => SecurityGroupsAsync(region, type, cancellationToken),
            _ => throw new ArgumentException($"'{type.Name}' is not listed through EC2.", nameof(type)),
        };

    private async IAsyncEnumerable<IReadOnlyList<CloudResource>> InstancesAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arns = await ArnsAsync(region, cancellationToken).ConfigureAwait(false);
        var pages = Client(region).Paginators.DescribeInstances(new DescribeInstancesRequest { MaxResults = 1000 }).Responses;
        await foreach (var page in AwsErrorMapping.PagesAsync(AwsCalls.DescribeInstances, region, pages, cancellationToken).ConfigureAwait(false))
        {
            var resources = new List<CloudResource>();
            foreach (var reservation in page.Reservations ?? [])
            {
                foreach (var instance in reservation.Instances ?? [])
                {
                    var state = instance.State?.Name?.Value;
                    // Gone or going: no cost, nothing to tag.
                    if (state is "terminated" or "shutting-down")
                    {
                        continue;
                    }

                    var tags = Tags(instance.Tags);
                    resources.Add(new CloudResource(
                        arns.Build("instance", instance.InstanceId, reservation.OwnerId), type.Name, region, tags,
                        ResourceTags.NameOf(tags, null), ResourceTags.Timestamp(instance.LaunchTime), state, instance.VpcId));
                }
            }

            yield return resources;
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<CloudResource>> VolumesAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arns = await ArnsAsync(region, cancellationToken).ConfigureAwait(false);
        var pages = Client(region).Paginators.DescribeVolumes(new DescribeVolumesRequest { MaxResults = 500 }).Responses;
        await foreach (var page in AwsErrorMapping.PagesAsync(AwsCalls.DescribeVolumes, region, pages, cancellationToken).ConfigureAwait(false))
        {
            yield return [.. (page.Volumes ?? []).Select(v =>
            {
                var tags = Tags(v.Tags);
                return new CloudResource(v.VolumeArn ?? arns.Build("volume", v.VolumeId, v.OwnerId), type.Name, region, tags,
                    ResourceTags.NameOf(tags, null), ResourceTags.Timestamp(v.CreateTime), v.State?.Value);
            })];
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<CloudResource>> SnapshotsAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arns = await ArnsAsync(region, cancellationToken).ConfigureAwait(false);
        // Only the account's own snapshots: public and shared ones are not its cost.
        var request = new DescribeSnapshotsRequest { OwnerIds = ["self"], MaxResults = 1000 };
        var pages = Client(region).Paginators.DescribeSnapshots(request).Responses;
        await foreach (var page in AwsErrorMapping.PagesAsync(AwsCalls.DescribeSnapshots, region, pages, cancellationToken).ConfigureAwait(false))
        {
            yield return [.. (page.Snapshots ?? []).Select(s =>
            {
                var tags = Tags(s.Tags);
                return new CloudResource(arns.Build("snapshot", s.SnapshotId, s.OwnerId), type.Name, region, tags,
                    ResourceTags.NameOf(tags, null), ResourceTags.Timestamp(s.StartTime), s.State?.Value);
            })];
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<CloudResource>> AddressesAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arns = await ArnsAsync(region, cancellationToken).ConfigureAwait(false);
        // DescribeAddresses is not paginated: one answer holds every address of the region.
        var response = await AwsErrorMapping.RunAsync(AwsCalls.DescribeAddresses, region,
            ct => Client(region).DescribeAddressesAsync(new DescribeAddressesRequest(), ct), cancellationToken).ConfigureAwait(false);
        yield return [.. (response.Addresses ?? []).Select(a =>
        {
            var tags = Tags(a.Tags);
            return new CloudResource(arns.Build("elastic-ip", a.AllocationId ?? a.PublicIp, null), type.Name, region, tags,
                ResourceTags.NameOf(tags, a.PublicIp), State: a.AssociationId is null ? "unassociated" : "associated");
        })];
    }

    private async IAsyncEnumerable<IReadOnlyList<CloudResource>> NatGatewaysAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arns = await ArnsAsync(region, cancellationToken).ConfigureAwait(false);
        var pages = Client(region).Paginators.DescribeNatGateways(new DescribeNatGatewaysRequest { MaxResults = 1000 }).Responses;
        await foreach (var page in AwsErrorMapping.PagesAsync(AwsCalls.DescribeNatGateways, region, pages, cancellationToken).ConfigureAwait(false))
        {
            yield return [.. (page.NatGateways ?? [])
                .Where(n => n.State?.Value is not "deleted")
                .Select(n =>
                {
                    var tags = Tags(n.Tags);
                    return new CloudResource(arns.Build("natgateway", n.NatGatewayId, null), type.Name, region, tags,
                        ResourceTags.NameOf(tags, null), ResourceTags.Timestamp(n.CreateTime), n.State?.Value, n.VpcId);
                })];
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<CloudResource>> VpcsAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arns = await ArnsAsync(region, cancellationToken).ConfigureAwait(false);
        var pages = Client(region).Paginators.DescribeVpcs(new DescribeVpcsRequest { MaxResults = 1000 }).Responses;
        await foreach (var page in AwsErrorMapping.PagesAsync(AwsCalls.DescribeVpcs, region, pages, cancellationToken).ConfigureAwait(false))
        {
            yield return [.. (page.Vpcs ?? []).Select(v =>
            {
                var tags = Tags(v.Tags);
                return new CloudResource(arns.Build("vpc", v.VpcId, v.OwnerId), type.Name, region, tags,
                    ResourceTags.NameOf(tags, null), State: v.State?.Value, VpcId: v.VpcId);
            })];
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<CloudResource>> SubnetsAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arns = await ArnsAsync(region, cancellationToken).ConfigureAwait(false);
        var pages = Client(region).Paginators.DescribeSubnets(new DescribeSubnetsRequest { MaxResults = 1000 }).Responses;
        await foreach (var page in AwsErrorMapping.PagesAsync(AwsCalls.DescribeSubnets, region, pages, cancellationToken).ConfigureAwait(false))
        {
            yield return [.. (page.Subnets ?? []).Select(s =>
            {
                var tags = Tags(s.Tags);
                return new CloudResource(s.SubnetArn ?? arns.Build("subnet", s.SubnetId, s.OwnerId), type.Name, region, tags,
                    ResourceTags.NameOf(tags, null), State: s.State?.Value, VpcId: s.VpcId);
            })];
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<CloudResource>> SecurityGroupsAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arns = await ArnsAsync(region, cancellationToken).ConfigureAwait(false);
        var pages = Client(region).Paginators.DescribeSecurityGroups(new DescribeSecurityGroupsRequest { MaxResults = 1000 }).Responses;
        await foreach (var page in AwsErrorMapping.PagesAsync(AwsCalls.DescribeSecurityGroups, region, pages, cancellationToken).ConfigureAwait(false))
        {
            yield return [.. (page.SecurityGroups ?? []).Select(g =>
            {
                var tags = Tags(g.Tags);
                return new CloudResource(g.SecurityGroupArn ?? arns.Build("security-group", g.GroupId, g.OwnerId), type.Name, region, tags,
                    ResourceTags.NameOf(tags, g.GroupName), VpcId: g.VpcId);
            })];
        }
    }

    private IAmazonEC2 Client(string region) => clients.Ec2(region);

    private async Task<Ec2Arns> ArnsAsync(string region, CancellationToken cancellationToken)
    {
        var caller = await identity.GetCallerAsync(cancellationToken).ConfigureAwait(false);
        return new Ec2Arns(AwsPartition.Of(region), region, caller.Account);
    }

    private static ImmutableArray<Tag> Tags(List<Ec2Tag>? tags) =>
        ResourceTags.From(tags, t => t.Key, t => t.Value);

    private readonly record struct Ec2Arns(string Partition, string Region, string Account)
    {
        /// <summary>The item's own owner id wins over the caller's account (they differ only for shared resources).</summary>
        public string Build(string kind, string id, string? ownerId) =>
            $"arn:{Partition}:ec2:{Region}:{(string.IsNullOrEmpty(ownerId) ? Account : ownerId)}:{kind}/{id}";
    }
}
