using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Turns a <see cref="ScanRequest"/> into a <see cref="ScanPlan"/>: resolves the types, validates the region filter
/// against the regions scans may cover, and fixes the policy and cache key. Invalid requests throw
/// <see cref="UnknownResourceTypeException"/> or <see cref="InvalidRegionException"/> with a message for people.
/// </summary>
public sealed class ScanPlanner(RegionDiscovery discovery, PolicyService policies)
{
    /// <summary>Plans a scan (discovery is cached, so this is cheap after the first call).</summary>
    public async Task<ScanPlan> PlanAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var types = request.Scope.Types;
        var targets = await discovery.GetTargetsAsync(cancellationToken).ConfigureAwait(false);
        var filter = request.Scope.Regions;
        Validate(filter, targets);

        var regions = filter.IsEmpty
            ? targets.Scannable
            : [.. targets.Scannable.Where(r => filter.Contains(r, StringComparer.Ordinal))];
        var evaluator = await policies.GetEvaluatorAsync(cancellationToken).ConfigureAwait(false);
        return new ScanPlan(request, evaluator, types, regions, filter, targets);
    }

    private static void Validate(ImmutableArray<string> filter, RegionTargets targets)
    {
        var enabled = targets.Regions.Where(r => r.IsEnabled).Select(r => r.Name).ToList();
        if (targets.Scannable.IsEmpty && enabled.Count > 0)
        {
            // Only an allow-list naming none of the account's enabled regions leaves them all out: say so rather than
            // report an empty scan as complete. (An account with no enabled region still has its global resources.)
            throw new InvalidRegionException(filter.IsEmpty ? [] : [.. filter], [],
                "No region can be scanned: none of FinOps:Scan:AllowedRegions is an enabled region of this account. " +
                $"Enabled regions: {string.Join(", ", enabled)}.");
        }

        var scannable = targets.Scannable.ToHashSet(StringComparer.Ordinal);
        var bad = filter.Where(r => r != ResourceCatalogue.GlobalRegion && !scannable.Contains(r)).ToList();
        if (bad.Count == 0)
        {
            return;
        }

        var known = targets.Regions.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var accepted = targets.Scannable.Append(ResourceCatalogue.GlobalRegion).ToList();
        var reasons = bad.Select(r => $"'{r}' ({Why(r, known, targets)})");
        var message = $"Cannot scan region{(bad.Count > 1 ? "s" : "")} {string.Join(", ", reasons)}. " +
            $"Accepted: {string.Join(", ", accepted)}.";
        throw new InvalidRegionException(bad, accepted, message);
    }

    private static string Why(string region, Dictionary<string, AccountRegion> known, RegionTargets targets)
    {
        if (!targets.MultiRegionEnabled)
        {
            return $"multi-region scanning is off; only {targets.DefaultRegion} is scanned";
        }

        if (targets.Discovery.FellBack)
        {
            return $"region discovery failed ({targets.Discovery.FallbackReason}); only {targets.DefaultRegion} is available";
        }

        if (!known.TryGetValue(region, out var info))
        {
            return "not a region of this account";
        }

        return !info.IsEnabled
            ? $"not enabled for this account: {new RegionInfo(info.Name, info.OptInStatus).OptInStatusText}"
            : "excluded by FinOps:Scan:AllowedRegions";
    }
}
