namespace FinOps.Tests.Integration.AwsFake;

/// <summary>Everything the fake account holds in one region.</summary>
public sealed class FakeRegionData
{
    public List<FakeEc2Resource> Ec2 { get; } = [];
    public List<FakeTaggedResource> Tagged { get; } = [];
    public List<FakeTable> Tables { get; } = [];
    public List<FakeKey> Keys { get; } = [];
}
