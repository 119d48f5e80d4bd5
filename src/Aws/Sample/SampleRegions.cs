using System.Collections.Frozen;
using System.Collections.Immutable;
using FinOps.Domain.Ports;

namespace FinOps.Aws.Sample;

/// <summary>
/// The sample account's 20 regions: 16 enabled by default, one opted in, three not opted in. Resources are weighted
/// towards us-east-1 and eu-west-1 as in most real accounts; ap-northeast-2 is enabled but holds nothing billable
/// (only its default VPC), so an empty region is part of every scan.
/// </summary>
internal static class SampleRegions
{
    /// <summary>The pseudo-region of global resources (and of global-listing faults in the options).</summary>
    public const string Global = "global";

    private static readonly (string Name, OptInStatus Status, int Weight, int PricePermille)[] Table =
    [
        ("us-east-1", OptInStatus.OptInNotRequired, 300, 1000),
        ("us-east-2", OptInStatus.OptInNotRequired, 60, 1000),
        ("us-west-1", OptInStatus.OptInNotRequired, 15, 1170),
        ("us-west-2", OptInStatus.OptInNotRequired, 120, 1000),
        ("ca-central-1", OptInStatus.OptInNotRequired, 20, 1100),
        ("sa-east-1", OptInStatus.OptInNotRequired, 15, 1530),
        ("eu-west-1", OptInStatus.OptInNotRequired, 160, 1080),
        ("eu-west-2", OptInStatus.OptInNotRequired, 40, 1130),
        ("eu-west-3", OptInStatus.OptInNotRequired, 20, 1130),
        ("eu-central-1", OptInStatus.OptInNotRequired, 80, 1140),
        ("eu-north-1", OptInStatus.OptInNotRequired, 20, 1040),
        ("eu-south-1", OptInStatus.OptedIn, 10, 1140),
        ("ap-south-1", OptInStatus.OptInNotRequired, 20, 1040),
        ("ap-southeast-1", OptInStatus.OptInNotRequired, 40, 1200),
        ("ap-southeast-2", OptInStatus.OptInNotRequired, 30, 1200),
        ("ap-northeast-1", OptInStatus.OptInNotRequired, 40, 1260),
        ("ap-northeast-2", OptInStatus.OptInNotRequired, 0, 1200),
        ("af-south-1", OptInStatus.NotOptedIn, 0, 1280),
        ("ap-east-1", OptInStatus.NotOptedIn, 0, 1380),
        ("me-south-1", OptInStatus.NotOptedIn, 0, 1230),
    ];

    /// <summary>Every region of the account, as DescribeRegions(AllRegions) would list them.</summary>
    public static ImmutableArray<RegionInfo> All { get; } = [.. Table.Select(r => new RegionInfo(r.Name, r.Status))];

    /// <summary>The enabled regions, in table order.</summary>
    public static ImmutableArray<RegionInfo> Enabled { get; } = [.. All.Where(r => r.IsEnabled)];

    private static readonly FrozenDictionary<string, int> IndexByName =
        Table.Select((r, i) => (r.Name, i)).ToFrozenDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);

    /// <summary>Whether the code names one of the account's regions (enabled or not).</summary>
    public static bool IsKnown(string region) => region is not null && IndexByName.ContainsKey(region);

    /// <summary>The region's opt-in status, or null when it is not a region of the account.</summary>
    public static RegionInfo? Find(string region) =>
        region is not null && IndexByName.TryGetValue(region, out var i) ? All[i] : null;

    /// <summary>How much of the account lives in an enabled region (relative weight).</summary>
    public static int WeightOf(string region) => Table[IndexByName[region]].Weight;

    /// <summary>The region's price level relative to us-east-1, in thousandths.</summary>
    public static int PricePermilleOf(string region) =>
        IndexByName.TryGetValue(region, out var i) ? Table[i].PricePermille : 1000;
}
