using System.Collections.Frozen;
using FinOps.Domain.Resources;

namespace FinOps.Web.Components;

/// <summary>
/// Where a region is, for grouping region pickers (United States, Europe, Asia Pacific, …) and for showing a
/// region's city next to its code. Display only: scans and figures use the region code.
/// </summary>
public static class RegionGeography
{
    /// <summary>The group of the <c>global</c> pseudo-region (resources without a home region).</summary>
    public const string GlobalGroup = "Global";

    // Prefix → group, most specific first; the order of this list is the order groups are shown in.
    private static readonly (string Prefix, string Group)[] Groups =
    [
        ("us-gov-", "AWS GovCloud (US)"),
        ("us-", "United States"),
        ("ca-", "Canada"),
        ("mx-", "Mexico"),
        ("sa-", "South America"),
        ("eu-", "Europe"),
        ("il-", "Middle East"),
        ("me-", "Middle East"),
        ("af-", "Africa"),
        ("ap-", "Asia Pacific"),
        ("cn-", "China"),
    ];

    private static readonly FrozenDictionary<string, string> Places = new Dictionary<string, string>
    {
        ["us-east-1"] = "N. Virginia",
        ["us-east-2"] = "Ohio",
        ["us-west-1"] = "N. California",
        ["us-west-2"] = "Oregon",
        ["us-gov-east-1"] = "US-East",
        ["us-gov-west-1"] = "US-West",
        ["ca-central-1"] = "Central",
        ["ca-west-1"] = "Calgary",
        ["mx-central-1"] = "Central",
        ["sa-east-1"] = "São Paulo",
        ["eu-west-1"] = "Ireland",
        ["eu-west-2"] = "London",
        ["eu-west-3"] = "Paris",
        ["eu-central-1"] = "Frankfurt",
        ["eu-central-2"] = "Zurich",
        ["eu-north-1"] = "Stockholm",
        ["eu-south-1"] = "Milan",
        ["eu-south-2"] = "Spain",
        ["il-central-1"] = "Tel Aviv",
        ["me-south-1"] = "Bahrain",
        ["me-central-1"] = "UAE",
        ["af-south-1"] = "Cape Town",
        ["ap-east-1"] = "Hong Kong",
        ["ap-south-1"] = "Mumbai",
        ["ap-south-2"] = "Hyderabad",
        ["ap-southeast-1"] = "Singapore",
        ["ap-southeast-2"] = "Sydney",
        ["ap-southeast-3"] = "Jakarta",
        ["ap-southeast-4"] = "Melbourne",
        ["ap-southeast-5"] = "Malaysia",
        ["ap-southeast-7"] = "Thailand",
        ["ap-northeast-1"] = "Tokyo",
        ["ap-northeast-2"] = "Seoul",
        ["ap-northeast-3"] = "Osaka",
        ["cn-north-1"] = "Beijing",
        ["cn-northwest-1"] = "Ningxia",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The geography a region belongs to ("Europe" for <c>eu-west-1</c>); "Other" when unknown.</summary>
    public static string GroupOf(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region == ResourceCatalogue.GlobalRegion)
        {
            return GlobalGroup;
        }

        foreach (var (prefix, group) in Groups)
        {
            if (region.StartsWith(prefix, StringComparison.Ordinal))
            {
                return group;
            }
        }

        return "Other";
    }

    /// <summary>The city or area of a region ("Ireland" for <c>eu-west-1</c>), or null when unknown.</summary>
    public static string? PlaceOf(string region) => Places.GetValueOrDefault(region);

    /// <summary>"eu-west-1 (Ireland)", or the code alone when the place is unknown; "global (no region)" for global.</summary>
    public static string Describe(string region) =>
        region == ResourceCatalogue.GlobalRegion ? "global (no region)"
        : PlaceOf(region) is { } place ? $"{region} ({place})"
        : region;

    /// <summary>Regions grouped by geography: groups in a fixed order (global last), regions sorted within each.</summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<string> Regions)> Grouped(IEnumerable<string> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var order = Groups.Select(g => g.Group).Distinct().Append("Other").Append(GlobalGroup).ToList();
        return [.. regions
            .Distinct(StringComparer.Ordinal)
            .GroupBy(GroupOf)
            .OrderBy(g => order.IndexOf(g.Key))
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Order(StringComparer.Ordinal)]))];
    }
}
