using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.State;

/// <summary>
/// What the product knows of the account now: for each (region, resource type) unit its latest successful
/// observation and its latest attempt, the latest spend, and how the regions were found. Immutable; a finished scan
/// makes the next state with <see cref="Apply"/>, refreshing the units it covered and nothing else. Every door reads
/// its figures from a view of this state (<see cref="OutcomeFor"/> → <see cref="ComplianceAggregator"/>).
/// </summary>
public sealed class AccountState
{
    private AccountState(
        long version,
        ImmutableDictionary<ScanUnit, UnitState> units,
        CostSnapshot? costs,
        string? costFailure,
        AccountDescription? account,
        RegionDiscoveryResult? discovery,
        ImmutableArray<string> scannableRegions,
        ImmutableArray<string> skippedRegions,
        ImmutableDictionary<string, Coverage> coverage,
        string? latestScanId,
        DateTimeOffset? latestScanAt)
    {
        Version = version;
        Units = units;
        Costs = costs;
        CostFailure = costFailure;
        Account = account;
        Discovery = discovery;
        ScannableRegions = scannableRegions;
        SkippedRegions = skippedRegions;
        Coverage = coverage;
        LatestScanId = latestScanId;
        LatestScanAt = latestScanAt;
    }

    /// <summary>The state before any scan: nothing known.</summary>
    public static AccountState Empty { get; } = new(0, ImmutableDictionary<ScanUnit, UnitState>.Empty, null, null, null, null, [], [],
        ImmutableDictionary<string, Coverage>.Empty, null, null);

    /// <summary>Increases with every applied scan.</summary>
    public long Version { get; }

    /// <summary>Every unit any scan has attempted.</summary>
    public ImmutableDictionary<ScanUnit, UnitState> Units { get; }

    /// <summary>The latest spend fetched successfully, or null.</summary>
    public CostSnapshot? Costs { get; }

    /// <summary>Why the latest attempt to fetch spend failed, when it did.</summary>
    public string? CostFailure { get; }

    /// <summary>The account, as the latest scan described it.</summary>
    public AccountDescription? Account { get; }

    /// <summary>How the latest scan found the regions.</summary>
    public RegionDiscoveryResult? Discovery { get; }

    /// <summary>Regions a scan without a filter covered last time (the regions a whole-account view expects).</summary>
    public ImmutableArray<string> ScannableRegions { get; }

    /// <summary>Regions deliberately not scanned (not opted in, or not allowed).</summary>
    public ImmutableArray<string> SkippedRegions { get; }

    /// <summary>How completely each type was listed last time.</summary>
    public ImmutableDictionary<string, Coverage> Coverage { get; }

    /// <summary>The newest scan applied.</summary>
    public string? LatestScanId { get; }

    /// <summary>When the newest scan applied finished.</summary>
    public DateTimeOffset? LatestScanAt { get; }

    /// <summary>Whether no scan has been applied.</summary>
    public bool IsEmpty => LatestScanId is null;

    /// <summary>
    /// The units a scan of <paramref name="regions"/> and <paramref name="types"/> covers: every regional type in every
    /// region; every global type in every region (buckets count in their home region) and, when
    /// <paramref name="includesGlobal"/>, in <c>global</c>.
    /// </summary>
    public static IEnumerable<ScanUnit> UnitsOf(IEnumerable<string> regions, IEnumerable<ResourceTypeInfo> types, bool includesGlobal)
    {
        var typeList = types.ToList();
        foreach (var region in regions)
        {
            if (region == ResourceCatalogue.GlobalRegion)
            {
                continue;
            }

            foreach (var type in typeList)
            {
                yield return new ScanUnit(region, type.Name);
            }
        }

        if (includesGlobal)
        {
            foreach (var type in typeList.Where(t => t.IsGlobal))
            {
                yield return new ScanUnit(ResourceCatalogue.GlobalRegion, type.Name);
            }
        }
    }

    /// <summary>
    /// The state after a finished scan: each unit the scan covered gets a new observation when its listing succeeded
    /// (possibly empty), or keeps its previous one — now stale — when it failed. Units the scan did not cover keep
    /// their own data and as-of. Spend is replaced when the scan fetched it.
    /// </summary>
    public AccountState Apply(ScanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var at = outcome.CompletedAt;
        var byUnit = new Dictionary<ScanUnit, List<CloudResource>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var evaluation in outcome.Evaluations)
        {
            var resource = evaluation.Resource;
            if (!seen.Add(resource.Arn))
            {
                continue;
            }

            var unit = new ScanUnit(resource.Region, resource.Type);
            if (!byUnit.TryGetValue(unit, out var list))
            {
                byUnit[unit] = list = [];
            }

            list.Add(resource);
        }

        var status = new Dictionary<ScanUnit, (RegionScanStatus Status, string? Reason)>();
        var global = outcome.Global;
        foreach (var region in outcome.Regions)
        {
            foreach (var type in outcome.Types)
            {
                var unitStatus = type.IsGlobal && region.Status == RegionScanStatus.Succeeded && global is not null
                    ? (global.Status, global.FailureReason)
                    : (region.Status, region.FailureReason);
                status[new ScanUnit(region.Region, type.Name)] = unitStatus;
            }
        }

        if (global is not null && outcome.Request.Scope.IncludesRegion(ResourceCatalogue.GlobalRegion))
        {
            foreach (var type in outcome.Types.Where(t => t.IsGlobal))
            {
                status[new ScanUnit(ResourceCatalogue.GlobalRegion, type.Name)] = (global.Status, global.FailureReason);
            }
        }

        // A resource in a unit the plan did not name (a source reporting an odd region) still counts, with its listing's status.
        foreach (var unit in byUnit.Keys.Where(u => !status.ContainsKey(u)))
        {
            status[unit] = (RegionScanStatus.Succeeded, null);
        }

        var units = Units.ToBuilder();
        foreach (var (unit, (unitStatus, reason)) in status)
        {
            var attempt = new UnitAttempt(outcome.ScanId, at, unitStatus, reason);
            var previous = units.GetValueOrDefault(unit);
            var observation = unitStatus == RegionScanStatus.Succeeded
                ? new UnitObservation(outcome.ScanId, at, byUnit.TryGetValue(unit, out var found) ? [.. found] : [])
                : previous?.Observation;
            units[unit] = new UnitState(unit, observation, attempt);
        }

        var coverage = Coverage.SetItems(outcome.Coverage.Select(c => KeyValuePair.Create(c.ResourceType, c.Coverage)));
        var costs = outcome.CostFailure is null ? outcome.Costs : Costs;
        var wholeAccount = outcome.Request.Scope.CoversEveryRegion;
        return new AccountState(
            Version + 1,
            units.ToImmutable(),
            costs,
            outcome.CostFailure,
            outcome.Account,
            outcome.Discovery,
            wholeAccount || ScannableRegions.IsEmpty ? outcome.ScannableRegions : ScannableRegions,
            wholeAccount || SkippedRegions.IsEmpty ? outcome.SkippedRegions : SkippedRegions,
            coverage,
            outcome.ScanId,
            LatestScanAt is { } latest && latest > at ? latest : at);
    }

    /// <summary>
    /// A state rebuilt from stored parts (the history store restores the last state at start-up this way).
    /// </summary>
    public static AccountState Restore(
        long version,
        IEnumerable<UnitState> units,
        CostSnapshot? costs,
        string? costFailure,
        AccountDescription? account,
        RegionDiscoveryResult? discovery,
        ImmutableArray<string> scannableRegions,
        ImmutableArray<string> skippedRegions,
        IEnumerable<TypeCoverage> coverage,
        string? latestScanId,
        DateTimeOffset? latestScanAt)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(coverage);
        return new AccountState(version, units.ToImmutableDictionary(u => u.Unit), costs, costFailure, account, discovery,
            scannableRegions.IsDefault ? [] : scannableRegions, skippedRegions.IsDefault ? [] : skippedRegions,
            coverage.ToImmutableDictionary(c => c.ResourceType, c => c.Coverage, StringComparer.Ordinal), latestScanId, latestScanAt);
    }

    /// <summary>
    /// Whether a scan has tried every unit of a plan at or after <paramref name="freshSince"/> (null: ever), so the state
    /// answers the plan's question without a scan: with data, stale data, or a known failure (a failing region is not
    /// retried by every question; it is retried once the attempt is older than <paramref name="freshSince"/>).
    /// </summary>
    public bool Answers(ScanPlan plan, DateTimeOffset? freshSince)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var unit in UnitsOf(plan.Regions, plan.Types, plan.IncludesGlobalRegion))
        {
            if (!Units.TryGetValue(unit, out var state) || (freshSince is { } since && state.LastAttempt.At < since))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The state seen through a scope, as the outcome of a scan that would have found exactly what the state holds:
    /// each region's latest data (with its as-of, stale when its latest attempt failed, not scanned when nothing is
    /// known), every resource evaluated against <paramref name="evaluator"/>'s policy, the latest spend.
    /// </summary>
    public ScanOutcome OutcomeFor(ScanScope scope, PolicyEvaluator evaluator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(evaluator);
        var includesGlobal = scope.IncludesRegion(ResourceCatalogue.GlobalRegion);
        var regions = scope.CoversEveryRegion
            ? ScannableRegions.Concat(Units.Keys.Select(u => u.Region)).Where(r => r != ResourceCatalogue.GlobalRegion)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [.. scope.Regions.Where(r => r != ResourceCatalogue.GlobalRegion)];
        var regionalTypes = scope.Types.Where(t => !t.IsGlobal).ToList();
        var globalTypes = scope.Types.Where(t => t.IsGlobal).ToList();

        var evaluations = new List<ResourceEvaluation>();
        var found = new List<TagViolation>();
        void Evaluate(UnitState? unit)
        {
            if (unit?.Observation is not { } observation)
            {
                return;
            }

            foreach (var resource in observation.Resources)
            {
                found.Clear();
                var verdict = evaluator.Evaluate(resource.Type, resource.Tags.AsSpan(), found);
                evaluations.Add(new ResourceEvaluation(resource, verdict, found.Count == 0 ? [] : [.. found]));
            }
        }

        var regionOutcomes = ImmutableArray.CreateBuilder<RegionScanOutcome>(regions.Count);
        foreach (var region in regions)
        {
            var regional = regionalTypes.Select(t => Units.GetValueOrDefault(new ScanUnit(region, t.Name))).ToList();
            var homed = globalTypes.Select(t => Units.GetValueOrDefault(new ScanUnit(region, t.Name))).ToList();
            regional.ForEach(Evaluate);
            homed.ForEach(Evaluate);
            regionOutcomes.Add(Summarise(region, [.. regional.Concat(homed)],
                [.. regionalTypes.Where((_, i) => regional[i] is null).Select(t => t.Name)]));
        }

        RegionScanOutcome? globalOutcome = null;
        if (globalTypes.Count > 0 && includesGlobal)
        {
            var globalUnits = globalTypes.Select(t => Units.GetValueOrDefault(new ScanUnit(ResourceCatalogue.GlobalRegion, t.Name))).ToList();
            globalUnits.ForEach(Evaluate);
            globalOutcome = Summarise(ResourceCatalogue.GlobalRegion, globalUnits,
                [.. globalTypes.Where((_, i) => globalUnits[i] is null).Select(t => t.Name)]);
        }

        var period = BillingPeriod.LastCompleteMonth(DateOnly.FromDateTime(now.UtcDateTime));
        var costs = Costs ?? CostSnapshot.Empty(period, CostMetric.Unblended, now, "unavailable");
        var observed = Units.Values.Where(u => u.Observation is not null).Select(u => u.Observation!.ObservedAt).ToList();
        var oldest = observed.Count == 0 ? now : observed.Min();
        return new ScanOutcome(
            LatestScanId ?? "none",
            new ScanRequest(scope),
            $"state:{Version}",
            oldest,
            LatestScanAt ?? now,
            Account ?? new AccountDescription("unknown", "Unknown account", null),
            evaluator.Policy,
            scope.Types,
            evaluations,
            regionOutcomes.ToImmutable(),
            globalOutcome,
            scope.CoversEveryRegion ? SkippedRegions : [],
            Discovery ?? new RegionDiscoveryResult([], [], false, null, now),
            [.. scope.Types.Select(t => new TypeCoverage(t.Name, Coverage.GetValueOrDefault(t.Name, t.LiveCoverage)))],
            costs)
        {
            CostFailure = Costs is null ? CostFailure ?? "no scan has fetched spend yet" : null,
            ScannableRegions = ScannableRegions,
        };
    }

    /// <summary>One region's (or the global types') outcome from its units: the worst latest attempt, the oldest data.</summary>
    private static RegionScanOutcome Summarise(string region, List<UnitState?> units, ImmutableArray<string> notScanned)
    {
        var known = units.Where(u => u is not null).Select(u => u!).ToList();
        var count = known.Sum(u => u.Observation?.Resources.Length ?? 0);
        var failed = known.FirstOrDefault(u => !u.LastAttempt.Succeeded);
        var asOf = known.Where(u => u.Observation is not null).Select(u => (DateTimeOffset?)u.Observation!.ObservedAt).Min();
        var status = failed is not null ? failed.LastAttempt.Status
            : known.Count == 0 ? RegionScanStatus.NotScanned
            : RegionScanStatus.Succeeded;
        var reason = failed?.LastAttempt.FailureReason ?? (known.Count == 0 ? "not scanned yet" : null);
        return new RegionScanOutcome(region, status, reason, 0, count, TimeSpan.Zero)
        {
            DataAsOf = asOf,
            TypesNotScanned = known.Count == 0 ? [] : notScanned,
        };
    }
}
