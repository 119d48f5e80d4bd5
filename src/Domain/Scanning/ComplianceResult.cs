using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>
/// The immutable outcome of one scan (or a region-filtered view of it): every resource with its verdict and cost,
/// the overall and regional figures, and what the data can be trusted for. Every front door reads numbers from here.
/// </summary>
public sealed class ComplianceResult
{
    private ImmutableArray<Violation> _violationsByCost;
    private Dictionary<string, EvaluatedResource>? _byArn;
    private PolicyEvaluator? _evaluator;
    private ImmutableArray<EvaluatedResource> _untaggedByCost;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ComplianceResult>> _views = new(StringComparer.Ordinal);

    /// <summary>Most region-narrowed views kept per result (a few filters are in use at a time).</summary>
    private const int MaxKeptViews = 16;
    private ViolationTextIndex? _textIndex;
    private FinOps.Domain.Costs.AttributionGapReport? _gapReport;

    /// <summary>Violation lists in other orders than cost, built on first use (see <see cref="ViolationQuery"/>).</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<(ViolationSort Sort, bool Descending), ImmutableArray<Violation>> SortedViolations { get; } = new();

    /// <summary>Violation lists passing the filters in use, per order (see <see cref="ViolationQuery"/>).</summary>
    internal FilteredViolations FilteredViolations { get; } = new();

    /// <summary>The free-text index of the resources with violations, built on the first search (see <see cref="ViolationQuery"/>).</summary>
    internal ViolationTextIndex TextIndex => LazyInitializer.EnsureInitialized(ref _textIndex, () => ViolationTextIndex.Build(Resources));

    internal ComplianceResult(
        ScanOutcome outcome,
        ImmutableArray<EvaluatedResource> resources,
        ComplianceSummary summary,
        ImmutableArray<RegionalSummary> regions,
        CostReconciliation costs,
        RegionMetadata regionMetadata,
        DataQuality dataQuality,
        CostAllocation allocation,
        ImmutableArray<string> regionFilter)
    {
        Outcome = outcome;
        Resources = resources;
        Summary = summary;
        Regions = regions;
        Costs = costs;
        RegionMetadata = regionMetadata;
        DataQuality = dataQuality;
        Allocation = allocation;
        RegionFilter = regionFilter;
    }

    internal ScanOutcome Outcome { get; }

    public string ScanId => Outcome.ScanId;
    public ScanRequest Request => Outcome.Request;
    public string CacheKey => Outcome.CacheKey;
    public DateTimeOffset StartedAt => Outcome.StartedAt;

    /// <summary>When the data was collected.</summary>
    public DateTimeOffset AsOf => Outcome.CompletedAt;

    public AccountDescription Account => Outcome.Account;
    public TaggingPolicy Policy => Outcome.Policy;
    public string PolicyHash => Outcome.Policy.ContentHash;

    /// <summary>An evaluator of the policy this result was judged by (for suggestions and re-checks).</summary>
    public PolicyEvaluator Evaluator => LazyInitializer.EnsureInitialized(ref _evaluator, () => new PolicyEvaluator(Policy));
    public ImmutableArray<ResourceTypeInfo> Types => Outcome.Types;

    /// <summary>Every resource (deduplicated by ARN), ordered by region then ARN.</summary>
    public ImmutableArray<EvaluatedResource> Resources { get; }

    /// <summary>Overall figures.</summary>
    public ComplianceSummary Summary { get; }

    /// <summary>One row per region (failed regions included; <c>global</c> when global resources exist).</summary>
    public ImmutableArray<RegionalSummary> Regions { get; }

    /// <summary>Overall spend, reconciled to the cent.</summary>
    public CostReconciliation Costs { get; }

    public RegionMetadata RegionMetadata { get; }
    public DataQuality DataQuality { get; }

    /// <summary>The period's spend and how it was spread over resources.</summary>
    public CostAllocation Allocation { get; }

    public BillingPeriod CostPeriod => Allocation.Snapshot.Period;

    /// <summary>
    /// Whether account-level spend lines (untaggable services, spend no resource carries) are in view: true for a scan
    /// and for views covering every cost-generating type; false for a view narrowed to fewer types.
    /// </summary>
    public bool SpendLinesInView { get; internal init; } = true;

    /// <summary>
    /// Whether any region of the view has data: false for a view of regions no scan has listed (its score and gap are
    /// unknown, see <see cref="NotMeasuredReason"/>).
    /// </summary>
    public bool IsMeasured => Regions.IsEmpty || Regions.Any(r => r.IsMeasured);

    /// <summary>Why a view is not measured (the first region's reason), or null when it is.</summary>
    public string? NotMeasuredReason => IsMeasured ? null : Regions.Select(r => r.FailureReason).FirstOrDefault(r => r is not null) ?? "not scanned yet";

    /// <summary>The oldest as-of of the measured regions' data (equal to <see cref="AsOf"/> when all are current).</summary>
    public DateTimeOffset OldestDataAsOf =>
        Regions.Where(r => r.DataAsOf is not null).Select(r => r.DataAsOf!.Value).DefaultIfEmpty(AsOf).Min();

    /// <summary>The regions this view is narrowed to; empty for the whole scan.</summary>
    public ImmutableArray<string> RegionFilter { get; }

    /// <summary>Every violation, highest cost at stake first (then ARN, then tag key): the default ranking.</summary>
    public ImmutableArray<Violation> ViolationsByCost
    {
        get
        {
            if (_violationsByCost.IsDefault)
            {
                var list = new List<Violation>(Summary.Violations);
                foreach (var r in Resources)
                {
                    AddViolations(list, r);
                }

                list.Sort(ViolationRanking.Instance);
                ImmutableInterlocked.InterlockedInitialize(ref _violationsByCost, [.. list]);
            }

            return _violationsByCost;
        }
    }

    /// <summary>
    /// A resource's violations, each with its share of the gap (its cost split over its unwaived errors, to the cent) and
    /// its waiver's expiry when one covers it.
    /// </summary>
    private static void AddViolations(List<Violation> list, EvaluatedResource r)
    {
        var atStake = r.CostAtStakeCents;
        var errors = 0;
        for (var i = 0; i < r.Violations.Length; i++)
        {
            errors += r.Violations[i].Severity == Severity.Error && r.WaivedUntilAt(i) is null ? 1 : 0;
        }

        var share = errors == 0 ? 0 : atStake / errors;
        var extra = errors == 0 ? 0 : atStake % errors;
        var index = 0;
        for (var i = 0; i < r.Violations.Length; i++)
        {
            var v = r.Violations[i];
            var waivedUntil = r.WaivedUntilAt(i);
            long gapShare = 0;
            if (v.Severity == Severity.Error && waivedUntil is null)
            {
                gapShare = share + (index < extra ? 1 : 0);
                index++;
            }

            list.Add(new Violation(r, v) { GapShareCents = gapShare, WaivedUntil = waivedUntil });
        }
    }

    /// <summary>
    /// The resources whose violations put the most spend at stake, each once, in the order of <see cref="ViolationsByCost"/>
    /// (cost at stake, then ARN): what to fix first.
    /// </summary>
    public ImmutableArray<EvaluatedResource> TopOffenders(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var top = ImmutableArray.CreateBuilder<EvaluatedResource>(Math.Min(count, Resources.Length));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var violation in ViolationsByCost)
        {
            if (top.Count == count)
            {
                break;
            }

            if (seen.Add(violation.Arn))
            {
                top.Add(violation.Resource);
            }
        }

        return top.ToImmutable();
    }

    /// <summary>
    /// Resources without tags or missing a required tag that applies to them, highest monthly cost first (then ARN);
    /// built on first use (see <see cref="UntaggedResourceQuery"/>).
    /// </summary>
    internal ImmutableArray<EvaluatedResource> UntaggedByCost
    {
        get
        {
            if (_untaggedByCost.IsDefault)
            {
                var list = Resources.Where(UntaggedResourceQuery.IsUntagged).ToList();
                list.Sort(static (a, b) =>
                {
                    var c = b.Cost.Cents.CompareTo(a.Cost.Cents);
                    return c != 0 ? c : string.CompareOrdinal(a.Arn, b.Arn);
                });
                ImmutableInterlocked.InterlockedInitialize(ref _untaggedByCost, [.. list]);
            }

            return _untaggedByCost;
        }
    }

    /// <summary>
    /// The cost attribution gap of this result by region, with provenance, explanations and the fix plan: built once per
    /// result and shared by every door (the overview, the region pages, MCP answers).
    /// </summary>
    public FinOps.Domain.Costs.AttributionGapReport GapReport =>
        LazyInitializer.EnsureInitialized(ref _gapReport, () => FinOps.Domain.Costs.AttributionGapReport.From(this));

    /// <summary>Looks up a resource by ARN.</summary>
    public EvaluatedResource? Find(string arn)
    {
        if (_byArn is null)
        {
            var index = new Dictionary<string, EvaluatedResource>(Resources.Length, StringComparer.Ordinal);
            foreach (var r in Resources)
            {
                index[r.Arn] = r;
            }

            Interlocked.CompareExchange(ref _byArn, index, null);
        }

        return _byArn.GetValueOrDefault(arn);
    }

    /// <summary>The regional row of one region, or null.</summary>
    public RegionalSummary? Region(string region) => Regions.FirstOrDefault(r => r.Region == region);

    /// <summary>
    /// A view narrowed to some regions: every figure recomputed over them only (see <see cref="ComplianceAggregator.Filter"/>).
    /// The views of the last few filters are kept, so every front door asking for the same filter shares one view.
    /// </summary>
    public ComplianceResult ForRegions(IReadOnlyCollection<string> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count == 0)
        {
            return this;
        }

        var key = string.Join(',', regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (_views.TryGetValue(key, out var kept))
        {
            return kept.Value;
        }

        if (_views.Count >= MaxKeptViews)
        {
            return ComplianceAggregator.Filter(this, regions);
        }

        // One computation per filter however many callers ask at once.
        return _views.GetOrAdd(key, static (_, state) => new Lazy<ComplianceResult>(
            () => ComplianceAggregator.Filter(state.Result, state.Regions)), (Result: this, Regions: regions)).Value;
    }

    /// <summary>Orders violations by cost at stake descending, then ARN, then tag key, then kind.</summary>
    private sealed class ViolationRanking : IComparer<Violation>
    {
        public static readonly ViolationRanking Instance = new();

        public int Compare(Violation? x, Violation? y)
        {
            var c = y!.CostAtStakeCents.CompareTo(x!.CostAtStakeCents);
            if (c != 0) return c;
            c = string.CompareOrdinal(x.Arn, y.Arn);
            if (c != 0) return c;
            c = string.CompareOrdinal(x.TagKey, y.TagKey);
            return c != 0 ? c : x.Kind.CompareTo(y.Kind);
        }
    }
}
