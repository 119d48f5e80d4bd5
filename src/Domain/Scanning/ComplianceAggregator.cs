using System.Collections.Immutable;
using System.Globalization;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Turns a scan's outcome into one immutable <see cref="ComplianceResult"/>, and narrows results to regions.
/// The only place that counts resources, computes scores and sums money.
/// </summary>
public static class ComplianceAggregator
{
    /// <summary>Builds the result of a finished scan: deduplicate by ARN, attribute costs, summarise, judge data quality.</summary>
    public static ComplianceResult Aggregate(ScanOutcome outcome) => Aggregate(outcome, []);

    /// <summary>
    /// Builds a view of the account state (an outcome made by <c>AccountState.OutcomeFor</c>): the same as a scan's
    /// result, with the scope's regions as the view's region filter.
    /// </summary>
    public static ComplianceResult AggregateView(ScanOutcome outcome) => AggregateView(outcome, Waivers.WaiverBook.Empty);

    /// <summary>
    /// Like <see cref="AggregateView(ScanOutcome)"/>, with the waivers of <paramref name="waivers"/> in force: a waived
    /// violation stays listed with its expiry; a resource whose every error violation is waived leaves the score's
    /// denominator and its cost moves from the gap to the waived line.
    /// </summary>
    public static ComplianceResult AggregateView(ScanOutcome outcome, Waivers.WaiverBook waivers)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(waivers);
        return Aggregate(outcome, outcome.Request.Regions, waivers);
    }

    private static ComplianceResult Aggregate(ScanOutcome outcome, ImmutableArray<string> filter, Waivers.WaiverBook? waivers = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);

        // ARN is the only identity: a resource listed twice (a global type seen from two places) counts once.
        var seen = new HashSet<string>(outcome.Evaluations.Count, StringComparer.Ordinal);
        var unique = new List<ResourceEvaluation>(outcome.Evaluations.Count);
        foreach (var e in outcome.Evaluations)
        {
            if (seen.Add(e.Resource.Arn))
            {
                unique.Add(e);
            }
        }

        unique.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Resource.Region, b.Resource.Region);
            return c != 0 ? c : string.CompareOrdinal(a.Resource.Arn, b.Resource.Arn);
        });

        var allocation = CostAllocator.Allocate(unique.ConvertAll(e => e.Resource), outcome.Costs);
        var resources = ImmutableArray.CreateBuilder<EvaluatedResource>(unique.Count);
        for (var i = 0; i < unique.Count; i++)
        {
            var e = unique[i];
            var resource = new EvaluatedResource(e.Resource, e.Violations, e.Verdict.InScope, e.Verdict.Compliant, allocation.ResourceCosts[i]);
            resources.Add(waivers is null || waivers.IsEmpty ? resource : resource.Waive(waivers));
        }

        return Build(outcome, resources.MoveToImmutable(), allocation, filter, spendLinesInView: true);
    }

    /// <summary>
    /// Narrows a result to some regions: resources, regional rows, spend, region metadata and data quality all
    /// cover only those regions, and every figure is recomputed over them. An empty filter returns the result itself.
    /// </summary>
    public static ComplianceResult Filter(ComplianceResult result, IReadOnlyCollection<string> regions)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (regions.Count == 0)
        {
            return result;
        }

        var wanted = regions.ToHashSet(StringComparer.Ordinal);
        var resources = result.Resources.Where(r => wanted.Contains(r.Region)).ToImmutableArray();
        return Build(result.Outcome, resources, result.Allocation, [.. wanted.Order(StringComparer.Ordinal)], result.SpendLinesInView);
    }

    /// <summary>
    /// Narrows a result covering every cost-generating type to a view of fewer types (<paramref name="outcome"/>: the
    /// same data seen through the narrower scope). Resources keep the costs the whole view gave them, so a resource
    /// costs the same whichever types are asked for; spend lines are not in view, so the reconciliation covers the
    /// resources' own costs (<c>total = attributable + gap + out of scope</c>).
    /// </summary>
    public static ComplianceResult NarrowTypes(ComplianceResult whole, ScanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(outcome);
        var types = outcome.Types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var regions = outcome.Request.Scope;
        var resources = whole.Resources.Where(r => types.Contains(r.Type) && regions.IncludesRegion(r.Region)).ToImmutableArray();
        return Build(outcome, resources, whole.Allocation, outcome.Request.Regions, spendLinesInView: false);
    }

    /// <summary>
    /// Gives a result's resources the costs of another snapshot (another period or metric) without scanning again:
    /// same resources, verdicts and region filter; every money figure recomputed.
    /// </summary>
    public static ComplianceResult Reprice(ComplianceResult result, CostSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(snapshot);

        // The result's resources are already unique and ordered; a region's allocation depends only on its own
        // resources, so re-spreading over a filtered view gives the same figures for the regions in it.
        var allocation = CostAllocator.Allocate(result.Resources.Select(r => r.Resource).ToList(), snapshot);
        var resources = ImmutableArray.CreateBuilder<EvaluatedResource>(result.Resources.Length);
        for (var i = 0; i < result.Resources.Length; i++)
        {
            resources.Add(result.Resources[i] with { Cost = allocation.ResourceCosts[i] });
        }

        return Build(result.Outcome with { Costs = snapshot }, resources.MoveToImmutable(), allocation, result.RegionFilter,
            result.SpendLinesInView);
    }

    /// <summary>
    /// The cost lines whose spend counts in a result's totals: lines of scanned regions (and <c>global</c> when
    /// global types were listed), narrowed to the region filter. Regions with resources but no such lines count
    /// only their resources' costs.
    /// </summary>
    public static ImmutableArray<LineAllocation> LinesInView(ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.SpendLinesInView)
        {
            return [];
        }

        var inView = SpendRegions(result);
        return [.. result.Allocation.LineAllocations.Where(l => inView(l.Region))];
    }

    /// <summary>
    /// Whether a region's spend counts in a result's figures: scanned regions (and <c>global</c> when global types were
    /// listed), narrowed to the region filter — the one region test every spend figure of a view goes through.
    /// </summary>
    public static Func<string, bool> SpendRegions(ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.SpendLinesInView ? SpendView(result.Outcome, result.RegionFilter) : static _ => false;
    }

    /// <summary>Counts and money over any set of resources.</summary>
    public static ComplianceSummary Summarize(IEnumerable<EvaluatedResource> resources)
    {
        int total = 0, inScope = 0, compliant = 0, violations = 0, errors = 0, waived = 0;
        long gap = 0, attributable = 0, outOfScope = 0, waivedCents = 0;
        foreach (var r in resources)
        {
            total++;
            foreach (var v in r.Violations)
            {
                violations++;
                if (v.Severity == Severity.Error)
                {
                    errors++;
                }
            }

            if (!r.InScope)
            {
                outOfScope += r.Cost.Cents;
            }
            else if (r.Compliant)
            {
                inScope++;
                compliant++;
                attributable += r.Cost.Cents;
            }
            else if (r.IsWaived)
            {
                inScope++;
                waived++;
                waivedCents += r.Cost.Cents;
            }
            else
            {
                inScope++;
                gap += r.Cost.Cents;
            }
        }

        return new ComplianceSummary(total, inScope, compliant, total - inScope, violations, errors, violations - errors,
            gap, attributable, outOfScope, waived, waivedCents);
    }

    /// <summary>Figures per resource type, for "score by type" views.</summary>
    public static ImmutableArray<(string ResourceType, ComplianceSummary Summary)> ByType(IEnumerable<EvaluatedResource> resources) =>
        [.. resources.GroupBy(r => r.Type, StringComparer.Ordinal)
            .Select(g => (g.Key, Summarize(g)))
            .OrderBy(t => t.Key, StringComparer.Ordinal)];

    private static ComplianceResult Build(ScanOutcome outcome, ImmutableArray<EvaluatedResource> resources,
        CostAllocation allocation, ImmutableArray<string> filter, bool spendLinesInView)
    {
        var inView = spendLinesInView ? SpendView(outcome, filter) : static _ => false;
        var byRegion = resources.GroupBy(r => r.Region, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var spend = allocation.Regions.Where(s => inView(s.Region)).ToDictionary(s => s.Region, StringComparer.Ordinal);
        var regionsInView = SpendView(outcome, filter);
        var outcomes = outcome.Regions.Where(r => regionsInView(r.Region)).ToList();
        if (outcome.Global is { } global && regionsInView(ResourceCatalogue.GlobalRegion))
        {
            outcomes.Add(global);
        }

        var rows = new List<RegionalSummary>();
        var regionNames = outcomes.Select(o => o.Region).Concat(byRegion.Keys).Concat(spend.Keys).Distinct(StringComparer.Ordinal);
        foreach (var region in regionNames.Order(StringComparer.Ordinal))
        {
            var state = outcomes.FirstOrDefault(o => o.Region == region);
            var members = byRegion.GetValueOrDefault(region) ?? [];
            var summary = Summarize(members);
            var costs = Reconcile(summary, spend.GetValueOrDefault(region));
            rows.Add(new RegionalSummary(region, state?.Status ?? RegionScanStatus.Succeeded, state?.FailureReason, summary, costs,
                DataAsOf(state, outcome)));
        }

        var overall = Summarize(resources);
        var overallCosts = rows.Aggregate(CostReconciliation.Zero, (sum, row) => sum.Plus(row.Costs));
        var metadata = Metadata(outcome, filter);
        var quality = Quality(outcome, outcomes, metadata, overall, allocation, spendLinesInView);
        return new ComplianceResult(outcome, resources, overall, [.. rows], overallCosts, metadata, quality, allocation, filter)
        {
            SpendLinesInView = spendLinesInView,
        };
    }

    /// <summary>
    /// When a row's data was observed: the region's own as-of; a listed region of an outcome that does not say is as of
    /// the outcome; a region that was never listed has none.
    /// </summary>
    private static DateTimeOffset? DataAsOf(RegionScanOutcome? state, ScanOutcome outcome) =>
        state is null ? outcome.CompletedAt
            : state.DataAsOf ?? (state.Status == RegionScanStatus.Succeeded ? outcome.CompletedAt : null);

    private static Func<string, bool> SpendView(ScanOutcome outcome, ImmutableArray<string> filter)
    {
        // Spend counts only for regions this scan covered; the cost source reports the whole account.
        var scanned = outcome.Regions.Select(r => r.Region).ToHashSet(StringComparer.Ordinal);
        if (outcome.Global is not null && AdmitsGlobalRegion(outcome.Request))
        {
            scanned.Add(ResourceCatalogue.GlobalRegion);
        }

        if (!filter.IsEmpty)
        {
            scanned.IntersectWith(filter);
        }

        return scanned.Contains;
    }

    /// <summary>
    /// Whether the request covers the <c>global</c> pseudo-region. A request filtered to some regions still lists the
    /// global types (S3 buckets count in their home region) but must not take in spend booked under <c>global</c>.
    /// </summary>
    private static bool AdmitsGlobalRegion(ScanRequest request) => request.Scope.IncludesRegion(ResourceCatalogue.GlobalRegion);

    private static CostReconciliation Reconcile(ComplianceSummary summary, RegionSpend? spend) =>
        CostReconciliation.Of(summary, spend?.UntaggableCents ?? 0, spend?.UnallocatedCents ?? 0, spend?.TotalCents);

    private static RegionMetadata Metadata(ScanOutcome outcome, ImmutableArray<string> filter)
    {
        var regions = outcome.Regions.Where(r => filter.IsEmpty || filter.Contains(r.Region, StringComparer.Ordinal)).ToList();
        return new RegionMetadata(
            regions.Count,
            [.. regions.Where(r => r.Status == RegionScanStatus.Succeeded).Select(r => r.Region)],
            [.. regions.Where(r => r.Status != RegionScanStatus.Succeeded)
                .Select(r => new RegionFailure(r.Region, r.FailureReason ?? r.Status.ToString().ToLowerInvariant()))],
            filter.IsEmpty ? outcome.SkippedRegions : [],
            outcome.Discovery.FellBack,
            outcome.Discovery.FallbackReason);
    }

    /// <summary>What a reader must know of one region's data, or null when it is current and complete.</summary>
    private static string? RegionNote(RegionScanOutcome region, ScanOutcome outcome)
    {
        var name = region.Region == ResourceCatalogue.GlobalRegion ? "Global resource types" : $"Region {region.Region}";
        var asOf = DataAsOf(region, outcome);
        var note = region.Status switch
        {
            RegionScanStatus.Succeeded => null,
            RegionScanStatus.NotScanned => $"{name}: not scanned yet; its figures are unknown.",
            _ when asOf is { } at => string.Create(CultureInfo.InvariantCulture,
                $"{name}: the latest scan failed ({region.FailureReason ?? "failed"}); its figures are from {at:yyyy-MM-dd HH:mm} UTC (stale)."),
            _ => $"{name} {(region.Region == ResourceCatalogue.GlobalRegion ? "were not listed" : "was not scanned")}: {region.FailureReason ?? "failed"}; its figures are unknown.",
        };
        if (!region.TypesNotScanned.IsDefaultOrEmpty)
        {
            var missing = $"{name}: not scanned yet for {string.Join(", ", region.TypesNotScanned)}.";
            note = note is null ? missing : $"{note} {missing}";
        }

        return note;
    }

    private static DataQuality Quality(ScanOutcome outcome, List<RegionScanOutcome> outcomes, RegionMetadata metadata,
        ComplianceSummary summary, CostAllocation allocation, bool spendLinesInView)
    {
        var notes = new List<string>();
        var globalFailed = outcome.Global is { Status: not RegionScanStatus.Succeeded };

        foreach (var region in outcomes)
        {
            if (RegionNote(region, outcome) is { } note)
            {
                notes.Add(note);
            }
        }

        if (metadata.DiscoveryFallback)
        {
            notes.Add($"Region discovery failed ({metadata.DiscoveryFallbackReason}); only the default region was scanned.");
        }

        if (metadata.SkippedRegions.Length > 0)
        {
            notes.Add($"{metadata.SkippedRegions.Length} region(s) not scanned because they are not enabled or not allowed: {string.Join(", ", metadata.SkippedRegions)}.");
        }

        var taggedOnly = outcome.Coverage.Where(c => c.Coverage == Coverage.TaggedOnly).Select(c => c.ResourceType).ToList();
        if (taggedOnly.Count > 0)
        {
            notes.Add($"{taggedOnly.Count} type(s) are listed through the Resource Groups Tagging API and only include resources that have or had a tag: {string.Join(", ", taggedOnly)}.");
        }

        if (summary.NothingInScope && outcomes.Any(o => DataAsOf(o, outcome) is not null))
        {
            notes.Add("No resource is in scope of a required tag, so the compliance score is 100% by definition.");
        }

        if (!spendLinesInView)
        {
            notes.Add("Spend covers the resource types asked for (each resource's cost as in the whole view); untaggable " +
                "spend and spend no resource carries are shown only when every cost-generating type is in view.");
        }

        if (outcome.CostFailure is { } costFailure)
        {
            notes.Add($"Spend for {allocation.Snapshot.Period.Label} could not be fetched ({costFailure}); cost figures are unavailable.");
        }

        notes.AddRange(allocation.Notes);

        var anyFailure = metadata.FailedRegions.Length > 0 || globalFailed || metadata.DiscoveryFallback || outcome.CostFailure is not null
            || outcomes.Any(o => !o.TypesNotScanned.IsDefaultOrEmpty);

        // Failed when something was attempted and no part of it (no region, nor the global listing) succeeded.
        var attempted = metadata.TotalRegions + (outcome.Global is null ? 0 : 1);
        var succeeded = metadata.SuccessfulRegions.Length + (outcome.Global is { Status: RegionScanStatus.Succeeded } ? 1 : 0);
        var nothingWorked = attempted > 0 && succeeded == 0;
        var status = nothingWorked ? DataQualityStatus.Failed
            : anyFailure ? DataQualityStatus.Partial
            : DataQualityStatus.Complete;
        return new DataQuality(status, [.. notes], outcome.Coverage);
    }
}
