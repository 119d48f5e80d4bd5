namespace FinOps.Tests.Integration.AwsFake;

/// <summary>The state of the fake AWS account the wire fake serves. Set it up before requests are made.</summary>
public sealed class FakeAccount
{
    public string AccountId { get; set; } = "123456789012";
    public string CallerArn => $"arn:aws:iam::{AccountId}:user/finops-scanner";
    public string UserId { get; set; } = "AIDAFAKEFINOPSSCANNER";

    /// <summary>Largest page the fake returns, whatever the client asks (so small data still spans pages).</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>Regions with their opt-in status as DescribeRegions reports them.</summary>
    public List<(string Name, string OptInStatus)> Regions { get; } = [];

    public Dictionary<string, FakeRegionData> Data { get; } = new(StringComparer.Ordinal);
    public List<FakeBucket> Buckets { get; } = [];

    /// <summary>Cost Explorer spend grouped by SERVICE × REGION.</summary>
    public List<FakeCost> ServiceRegionCosts { get; } = [];

    /// <summary>Cost Explorer spend by tag key, tag value ("" = untagged) and region.</summary>
    public List<FakeTagCost> TagCosts { get; } = [];

    public FakeRegionData In(string region)
    {
        if (!Data.TryGetValue(region, out var data))
        {
            data = new FakeRegionData();
            Data[region] = data;
        }

        return data;
    }

    public bool IsEnabled(string region) =>
        Regions.All(r => r.Name != region) || Regions.Any(r => r.Name == region && r.OptInStatus != "not-opted-in");
}
