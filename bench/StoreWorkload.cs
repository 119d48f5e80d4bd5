using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.History;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Bench;

/// <summary>
/// Archives for the history-store harness, built directly (no aggregation, so a 1,000,000-resource archive is the
/// resources and little else): resources spread over 20 regions and 6 types with four tags each, and day-to-day
/// versions in which a share of the resources carry changed tags.
/// </summary>
public static class StoreWorkload
{
    private static readonly string[] Types = ["ec2:instance", "ec2:volume", "lambda:function", "rds:db", "dynamodb:table", "elasticloadbalancing:loadbalancer"];

    private static readonly ImmutableArray<string> Regions = ReportWorkload.Regions(20);

    public static readonly DateTimeOffset Day0 = new(2026, 1, 1, 6, 0, 0, TimeSpan.Zero);

    public static TaggingPolicy Policy { get; } =
        TaggingPolicyJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "tagging-policy.json")));

    /// <summary>The resources of day 0.</summary>
    public static List<CloudResource> Resources(int count)
    {
        var list = new List<CloudResource>(count);
        ImmutableArray<Tag>[] variants =
        [
            [new("CostCenter", "CC-100"), new("Owner", "ops@example.com"), new("Environment", "production"), new("Application", "shop")],
            [new("CostCenter", "CC-200"), new("Owner", "data@example.com"), new("Environment", "staging")],
            [new("Owner", "someone"), new("Environment", "Prod")],
        ];
        for (var i = 0; i < count; i++)
        {
            var region = Regions[i % Regions.Length];
            var type = Types[i / Regions.Length % Types.Length];
            var arn = $"arn:aws:{type.Split(':')[0]}:{region}:123456789012:{type.Split(':')[1]}/res-{i:D8}";
            list.Add(new CloudResource(arn, type, region, variants[i % variants.Length], $"resource-{i}", Day0.AddDays(-(i % 900)),
                type == "ec2:instance" ? (i % 17 == 0 ? "stopped" : "running") : null, i % 4 == 0 ? $"vpc-{i % 40:x8}" : null));
        }

        return list;
    }

    /// <summary>Changes the tags of <paramref name="share"/> of the resources (a different share each day), in place.</summary>
    public static void Retag(List<CloudResource> resources, int day, double share)
    {
        var every = (int)Math.Round(1 / share);
        for (var i = day % every; i < resources.Count; i += every)
        {
            var r = resources[i];
            resources[i] = r with { Tags = [.. r.Tags.Where(t => t.Key != "Owner"), new Tag("Owner", $"owner-{day}@example.com")] };
        }
    }

    /// <summary>An archive of every unit of the 20 regions × 6 types, all succeeded, finished on <paramref name="day"/>.</summary>
    public static ScanArchive Archive(string scanId, int day, IReadOnlyList<CloudResource> resources, CostSnapshot? costs = null, int dimensionsPerScan = 27)
    {
        var at = Day0.AddDays(day);
        var units = Regions.SelectMany(r => Types.Select(t => new UnitOutcome(r, t, RegionScanStatus.Succeeded, null)))
            .OrderBy(u => u.Region, StringComparer.Ordinal).ThenBy(u => u.ResourceType, StringComparer.Ordinal).ToImmutableArray();
        var record = new ScanRecord(scanId, new AccountDescription("sample", "Sample account", "123456789012"), [], [.. Types], Policy.Version,
            Policy.ContentHash, at.AddMinutes(-3), at, DataQualityStatus.Complete, [], units, null,
            new RegionDiscoveryResult([.. Regions.Select(r => new RegionInfo(r, OptInStatus.OptInNotRequired))], Regions, false, null, at), Regions, [],
            [.. Types.Select(t => new TypeCoverage(t, Coverage.Complete))]);
        var figures = ImmutableArray.CreateBuilder<TrendFigures>();
        figures.Add(new TrendFigures(FigureDimension.Overall, TrendFigures.OverallKey, true, resources.Count, resources.Count, resources.Count / 3 * 2,
            resources.Count / 2, resources.Count / 3, 1_000_000 + day, 9_000_000 + day));
        foreach (var region in Regions.Take(Math.Max(0, dimensionsPerScan - 1 - Types.Length)))
        {
            figures.Add(new TrendFigures(FigureDimension.Region, region, true, 50, 40, 30, 12, 10, 5_000 + day, 90_000));
        }

        foreach (var type in Types)
        {
            figures.Add(new TrendFigures(FigureDimension.ResourceType, type, true, 80, 70, 50, 22, 20, 8_000 + day, 120_000));
        }

        return new ScanArchive(record, Policy, costs ?? Costs(day), resources, figures.ToImmutable());
    }

    /// <summary>A day's spend: service × region lines (the same figures; the day's as-of makes each day's snapshot new).</summary>
    public static CostSnapshot Costs(int day) =>
        new(BillingPeriod.Month(2025, 12), CostMetric.Unblended,
            [.. Regions.SelectMany(r => Types.Select(t => ResourceCatalogue.Get(t).CostService!).Distinct().Select((s, k) => new CostLine(s, r, 10_000_000 + k * 1_234_567L)))],
            new Dictionary<string, long>(), [UntaggedSpend.PerRegion(UntaggedSpendScope.EveryTaggableService("CostCenter"), Regions.Select((r, k) => (r, 100_000L + k)))],
            new DateTimeOffset(Day0.AddDays(day).UtcDateTime.Date, TimeSpan.Zero),
            "Bench costs");
}
