using FinOps.Domain.Costs;
using FinOps.Domain.History;
using FinOps.Domain.Resources;
using FinOps.Domain.State;

namespace FinOps.Tests.Integration.Store;

/// <summary>
/// Compares what the store gives back with what was folded in memory, field by field (records holding immutable arrays
/// compare those by reference, so <c>==</c> would not do), and says where they first differ. A unit's resources compare
/// as a set by ARN: the store reads them back in ARN order.
/// </summary>
public static class StateDifference
{
    public static string? Of(AccountState expected, AccountState actual)
    {
        if (expected.Version != actual.Version) return $"version {expected.Version} ≠ {actual.Version}";
        if (expected.LatestScanId != actual.LatestScanId) return $"latest scan {expected.LatestScanId} ≠ {actual.LatestScanId}";
        if (expected.LatestScanAt != actual.LatestScanAt) return $"latest scan at {expected.LatestScanAt:O} ≠ {actual.LatestScanAt:O}";
        if (expected.Account != actual.Account) return $"account {expected.Account} ≠ {actual.Account}";
        if (expected.CostFailure != actual.CostFailure) return $"cost failure '{expected.CostFailure}' ≠ '{actual.CostFailure}'";
        if (!expected.ScannableRegions.SequenceEqual(actual.ScannableRegions)) return "scannable regions differ";
        if (!expected.SkippedRegions.SequenceEqual(actual.SkippedRegions)) return "skipped regions differ";
        if (!expected.Coverage.OrderBy(c => c.Key).SequenceEqual(actual.Coverage.OrderBy(c => c.Key))) return "coverage differs";
        if (expected.Discovery is { } d && (actual.Discovery is not { } a || !d.Regions.SequenceEqual(a.Regions)
            || !d.EnabledRegions.SequenceEqual(a.EnabledRegions) || d.FellBack != a.FellBack || d.FallbackReason != a.FallbackReason
            || d.DiscoveredAt != a.DiscoveredAt)) return "discovery differs";
        if (Of(expected.Costs, actual.Costs) is { } costs) return costs;
        if (expected.Units.Count != actual.Units.Count)
            return $"{expected.Units.Count} units ≠ {actual.Units.Count}: {string.Join(", ", expected.Units.Keys.Except(actual.Units.Keys).Concat(actual.Units.Keys.Except(expected.Units.Keys)))}";
        foreach (var (unit, e) in expected.Units)
        {
            if (!actual.Units.TryGetValue(unit, out var u)) return $"unit {unit} missing";
            if (e.LastAttempt != u.LastAttempt) return $"unit {unit}: attempt {e.LastAttempt} ≠ {u.LastAttempt}";
            if ((e.Observation is null) != (u.Observation is null)) return $"unit {unit}: observation {(e.Observation is null ? "absent" : "present")} in memory";
            if (e.Observation is { } eo && u.Observation is { } uo)
            {
                if (eo.ScanId != uo.ScanId || eo.ObservedAt != uo.ObservedAt) return $"unit {unit}: observed by {eo.ScanId} at {eo.ObservedAt:O}, read {uo.ScanId} at {uo.ObservedAt:O}";
                if (Of(eo.Resources, uo.Resources) is { } resources) return $"unit {unit}: {resources}";
            }
        }

        return null;
    }

    public static string? Of(IEnumerable<CloudResource> expected, IEnumerable<CloudResource> actual)
    {
        var e = expected.OrderBy(r => r.Arn, StringComparer.Ordinal).ToList();
        var a = actual.OrderBy(r => r.Arn, StringComparer.Ordinal).ToList();
        if (e.Count != a.Count) return $"{e.Count} resources ≠ {a.Count}";
        for (var i = 0; i < e.Count; i++)
        {
            if (!Same(e[i], a[i])) return $"resource {e[i].Arn}: {Describe(e[i])} ≠ {Describe(a[i])}";
        }

        return null;
    }

    public static bool Same(CloudResource? x, CloudResource? y) =>
        x is null ? y is null
        : y is not null && x.Arn == y.Arn && x.Type == y.Type && x.Region == y.Region && x.Tags.SequenceEqual(y.Tags) && x.Name == y.Name
          && x.CreatedAt == y.CreatedAt && x.State == y.State && x.VpcId == y.VpcId;

    public static string? Of(CostSnapshot? expected, CostSnapshot? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null ? null : $"spend {(expected is null ? "absent" : "present")} in memory";
        if (expected.Period != actual.Period || expected.Metric != actual.Metric || expected.AsOf != actual.AsOf || expected.SourceLabel != actual.SourceLabel)
            return "spend header differs";
        if (!expected.Lines.SequenceEqual(actual.Lines)) return "spend lines differ";
        if (!expected.MeasuredResourceCosts.OrderBy(m => m.Key, StringComparer.Ordinal).SequenceEqual(actual.MeasuredResourceCosts.OrderBy(m => m.Key, StringComparer.Ordinal)))
            return "measured costs differ";
        return expected.UntaggedByTagKey.SequenceEqual(actual.UntaggedByTagKey) ? null : "untagged spend differs";
    }

    public static string? Of(ScanRecord expected, ScanRecord actual)
    {
        if (expected.ScanId != actual.ScanId || expected.Account != actual.Account || expected.PolicyVersion != actual.PolicyVersion
            || expected.PolicyHash != actual.PolicyHash || expected.StartedAt != actual.StartedAt || expected.CompletedAt != actual.CompletedAt
            || expected.Status != actual.Status || expected.CostFailure != actual.CostFailure) return $"record {expected.ScanId}: header differs";
        if (!expected.Regions.SequenceEqual(actual.Regions) || !expected.ResourceTypes.SequenceEqual(actual.ResourceTypes)) return "record scope differs";
        if (!expected.Notes.SequenceEqual(actual.Notes)) return "record notes differ";
        if (!expected.Units.SequenceEqual(actual.Units)) return "record units differ";
        if (!expected.ScannableRegions.SequenceEqual(actual.ScannableRegions) || !expected.SkippedRegions.SequenceEqual(actual.SkippedRegions)) return "record regions differ";
        return expected.Coverage.SequenceEqual(actual.Coverage) ? null : "record coverage differs";
    }

    private static string Describe(CloudResource r) =>
        $"[{string.Join(",", r.Tags)}] name={r.Name} created={r.CreatedAt:O} state={r.State} vpc={r.VpcId}";
}
