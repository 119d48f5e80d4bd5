using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.State;

namespace FinOps.Domain.History;

/// <summary>
/// What every door asks of history: kept scans, trends with their policy changes, the account as it was right after a
/// scan, what changed between two scans, and how the headline figures moved. Figures of an earlier state are judged by
/// the policy of that scan, so a trend point, a stored view and a drift all say what the product showed then.
/// </summary>
public sealed class HistoryService(
    IScanHistory history,
    HistoryRecorder recorder,
    AccountStateKeeper keeper,
    PolicyService policies,
    TimeProvider time)
{
    /// <summary>How far back "since 30 days ago" looks.</summary>
    public static readonly TimeSpan MonthAgo = TimeSpan.FromDays(30);

    /// <summary>Most restored states kept (each holds its resources: a few are enough for paging and comparing).</summary>
    private const int KeptStates = 2;

    private readonly Lock _sync = new();
    private readonly LinkedList<(string ScanId, AccountState State)> _states = new();

    /// <summary>How history keeping goes (for the banner and the readiness probe).</summary>
    public HistoryStatus Status => recorder.Status;

    /// <summary>Which kind of database keeps history ("SQLite", "PostgreSQL"), without where it is.</summary>
    public string StoreKind => history.Kind;

    /// <summary>
    /// A history message fit for callers outside the operators' circle: where the database is (a file path, a host) is
    /// replaced by its kind.
    /// </summary>
    public string ForCallers(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Replace(history.Provider, history.Kind, StringComparison.Ordinal);
    }

    /// <summary>Kept scans, newest first.</summary>
    public Task<ScanPage> ListScansAsync(int limit, string? cursor, CancellationToken cancellationToken) =>
        history.ListScansAsync(limit, cursor, cancellationToken);

    /// <summary>One kept scan (its record and the state's figures right after it), or null.</summary>
    public Task<StoredScan?> FindScanAsync(string scanId, CancellationToken cancellationToken) =>
        history.FindScanAsync(scanId, cancellationToken);

    /// <summary>Trend points of a dimension over a window, with the policy changes among them.</summary>
    public async Task<TrendSeries> TrendAsync(TrendQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var points = await history.ReadTrendAsync(query, cancellationToken).ConfigureAwait(false);
        var ordered = points.OrderBy(p => p.At).ThenBy(p => p.Figures.Key, StringComparer.Ordinal).ToImmutableArray();
        return new TrendSeries(query, ordered, PolicyChanges(ordered));
    }

    /// <summary>
    /// The trend of a scope over the last <paramref name="window"/>: overall (the scope's regions' figures added up per
    /// scan when it names regions), per region (the scope's regions, or every one) or per type (types are kept for the
    /// whole account only, so the region filter does not narrow them), with the policy changes among the points.
    /// </summary>
    public async Task<TrendSeries> ScopeTrendAsync(ScanScope scope, FigureDimension grouping, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var until = time.GetUtcNow();
        var since = until - window;
        if (grouping != FigureDimension.Overall || scope.CoversEveryRegion)
        {
            var keys = grouping == FigureDimension.Region ? scope.Regions : [];
            return await TrendAsync(new TrendQuery(grouping, keys, since, until), cancellationToken).ConfigureAwait(false);
        }

        var query = new TrendQuery(FigureDimension.Region, scope.Regions, since, until);
        var regional = await TrendAsync(query, cancellationToken).ConfigureAwait(false);
        var combined = regional.Points.GroupBy(p => p.ScanId, StringComparer.Ordinal)
            .Select(g => g.First() with { Figures = Combine([.. g.Select(p => p.Figures)]) })
            .OrderBy(p => p.At)
            .ToImmutableArray();
        return new TrendSeries(query with { Dimension = FigureDimension.Overall, Keys = [] }, combined, regional.PolicyChanges);
    }

    /// <summary>
    /// The account as the product showed it right after a kept scan, through a scope, judged by that scan's policy; the
    /// current state when <paramref name="scanId"/> is the newest scan applied. Null when the scan is unknown or its
    /// per-resource detail was compacted away.
    /// </summary>
    public async Task<ComplianceResult?> ViewAsOfAsync(string scanId, ScanScope scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(scanId);
        ArgumentNullException.ThrowIfNull(scope);
        var stored = await history.FindScanAsync(scanId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return keeper.State.LatestScanId == scanId ? keeper.View(scope) : null;
        }

        var evaluator = await EvaluatorAsync(stored.Record.PolicyHash, cancellationToken).ConfigureAwait(false);
        var current = keeper.State;
        if (current.LatestScanId == scanId)
        {
            return keeper.ViewOf(current, scope, evaluator);
        }

        var state = await StateAsOfAsync(scanId, cancellationToken).ConfigureAwait(false);
        return state is null ? null : keeper.ViewOf(state, scope, evaluator);
    }

    /// <summary>
    /// What changed between the states right after two kept scans (by default the newest and the one before it):
    /// resources added and removed, tags added, removed or changed, violations new and fixed, and the gap each moved.
    /// Throws <see cref="ArgumentException"/> (with a message for people) for an unknown scan or when fewer than two
    /// scans are kept.
    /// </summary>
    public async Task<DriftReport> DriftAsync(DriftQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to) = await PairAsync(query, cancellationToken).ConfigureAwait(false);
        var changes = await history.CompareAsync(from.Record.ScanId, to.Record.ScanId, cancellationToken).ConfigureAwait(false);
        var kept = changes.Where(c => InScope(c, query.Scope)).ToList();
        if (kept.Count == 0)
        {
            return new DriftReport(from, to, []);
        }

        var beforeJudge = await EvaluatorAsync(from.Record.PolicyHash, cancellationToken).ConfigureAwait(false);
        var afterJudge = await EvaluatorAsync(to.Record.PolicyHash, cancellationToken).ConfigureAwait(false);
        var beforeView = await ViewAsOfAsync(from.Record.ScanId, ScanScope.EveryType, cancellationToken).ConfigureAwait(false);
        var afterView = await ViewAsOfAsync(to.Record.ScanId, ScanScope.EveryType, cancellationToken).ConfigureAwait(false);

        var keys = query.TagKeys.IsDefaultOrEmpty ? null : query.TagKeys.ToHashSet(StringComparer.Ordinal);
        var drifts = new List<ResourceDrift>(kept.Count);
        foreach (var change in kept)
        {
            var drift = Drift(change, beforeJudge, afterJudge, beforeView, afterView);
            if (keys is null || Touches(drift, keys))
            {
                drifts.Add(drift);
            }
        }

        drifts.Sort(static (a, b) =>
        {
            var c = Math.Abs(b.GapMovedCents).CompareTo(Math.Abs(a.GapMovedCents));
            return c != 0 ? c : string.CompareOrdinal(a.Arn, b.Arn);
        });
        return new DriftReport(from, to, [.. drifts]);
    }

    /// <summary>
    /// The headline figures of a scope now (the account state) against the previous scan and against 30 days ago, from
    /// the trend points (per region when the scope has regions, else overall).
    /// </summary>
    public async Task<(FigureChange SincePrevious, FigureChange SinceMonthAgo)?> ChangesAsync(ScanScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (keeper.View(scope) is not { } view)
        {
            return null;
        }

        var now = ScanArchiveBuilder.Overall(view);
        var until = time.GetUtcNow();
        var query = scope.CoversEveryRegion
            ? new TrendQuery(FigureDimension.Overall, [], until - MonthAgo - TimeSpan.FromDays(30), until)
            : new TrendQuery(FigureDimension.Region, scope.Regions, until - MonthAgo - TimeSpan.FromDays(30), until);
        var points = await history.ReadTrendAsync(query, cancellationToken).ConfigureAwait(false);
        var byScan = points.GroupBy(p => p.ScanId, StringComparer.Ordinal)
            .Select(g => (ScanId: g.Key, At: g.First().At, Figures: Combine([.. g.Select(p => p.Figures)])))
            .OrderByDescending(p => p.At)
            .ToList();

        var latest = view.ScanId;
        var previous = byScan.FirstOrDefault(p => p.ScanId != latest && p.At < view.AsOf);
        var monthAgo = byScan.FirstOrDefault(p => p.At <= until - MonthAgo);
        return (Change(now, previous), Change(now, monthAgo));

        static FigureChange Change(TrendFigures now, (string ScanId, DateTimeOffset At, TrendFigures Figures) then) =>
            then.ScanId is null ? new FigureChange(now, null, null, null) : new FigureChange(now, then.Figures, then.At, then.ScanId);
    }

    /// <summary>
    /// A resource's tags and verdicts over the last <paramref name="limit"/> kept scans that observed it (1 to
    /// <see cref="ResourceTimeline.MaxScans"/>), newest first: each observation judged by its own scan's policy,
    /// consecutive scans where it looked and was judged the same folded into one entry, each entry saying what changed
    /// since the one before. Empty when history never observed the resource.
    /// </summary>
    public async Task<ResourceTimeline> ResourceTimelineAsync(string arn, int limit = ResourceTimeline.DefaultScans,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(arn);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, ResourceTimeline.MaxScans);

        // One more than asked: the observation before the oldest shown, so the oldest entry says what changed too.
        var read = await history.ReadResourceHistoryAsync(arn, limit + 1, cancellationToken).ConfigureAwait(false);
        var shown = read.Count > limit ? read.Take(limit).ToList() : read;
        var baseline = read.Count > limit ? read[limit] : null;
        var judges = new Dictionary<string, PolicyEvaluator>(StringComparer.Ordinal);
        foreach (var hash in read.Select(o => o.PolicyHash).Distinct(StringComparer.Ordinal))
        {
            judges[hash] = await EvaluatorAsync(hash, cancellationToken).ConfigureAwait(false);
        }

        return ResourceTimeline.Fold(arn, shown, baseline, hash => judges[hash]);
    }

    /// <summary>The evaluator of a kept policy (the one in force when its hash matches); the current one when it is gone.</summary>
    private async Task<PolicyEvaluator> EvaluatorAsync(string policyHash, CancellationToken cancellationToken)
    {
        var current = await policies.GetEvaluatorAsync(cancellationToken).ConfigureAwait(false);
        if (current.Policy.ContentHash == policyHash)
        {
            return current;
        }

        var policy = await history.FindPolicyAsync(policyHash, cancellationToken).ConfigureAwait(false);
        return policy is null ? current : new PolicyEvaluator(policy);
    }

    private async Task<AccountState?> StateAsOfAsync(string scanId, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            foreach (var (id, state) in _states)
            {
                if (id == scanId)
                {
                    return state;
                }
            }
        }

        var loaded = await history.LoadStateAsync(scanId, cancellationToken).ConfigureAwait(false);
        if (loaded is not null)
        {
            lock (_sync)
            {
                _states.AddFirst((scanId, loaded));
                while (_states.Count > KeptStates)
                {
                    _states.RemoveLast();
                }
            }
        }

        return loaded;
    }

    /// <summary>The two scans a drift compares, in time order.</summary>
    private async Task<(StoredScan From, StoredScan To)> PairAsync(DriftQuery query, CancellationToken cancellationToken)
    {
        // The newest two scans answer the default question ("the latest against the one before") in one read.
        var newest = query.ToScanId is null ? await history.ListScansAsync(2, null, cancellationToken).ConfigureAwait(false) : null;
        var to = query.ToScanId is { } toId ? await Required(toId) : newest!.Scans.FirstOrDefault()
            ?? throw new ArgumentException("No scan is kept yet: drift compares two kept scans. Run a scan, then another.");
        StoredScan from;
        if (query.FromScanId is { } fromId)
        {
            from = await Required(fromId);
        }
        else if (query.Since is { } since)
        {
            from = await NewestAtOrBeforeAsync(since, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException($"No kept scan finished at or before {since.UtcDateTime:yyyy-MM-dd HH:mm} UTC; the oldest kept scan is the earliest point to compare with.");
        }
        else
        {
            from = (newest is not null ? newest.Scans.ElementAtOrDefault(1) : await PreviousAsync(to, cancellationToken).ConfigureAwait(false))
                ?? throw new ArgumentException($"Scan {to.Record.ScanId} is the oldest kept scan: there is nothing before it to compare with.");
        }

        return from.Record.CompletedAt <= to.Record.CompletedAt ? (from, to) : (to, from);

        async Task<StoredScan> Required(string id) =>
            await history.FindScanAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"No kept scan has id '{(id.Length > 64 ? id[..64] + "…" : id)}'; list_scans (or /history) gives the kept ones.");
    }

    private async Task<StoredScan?> PreviousAsync(StoredScan scan, CancellationToken cancellationToken)
    {
        string? cursor = null;
        var seen = false;
        do
        {
            var page = await history.ListScansAsync(100, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var candidate in page.Scans)
            {
                if (seen)
                {
                    return candidate;
                }

                seen = candidate.Record.ScanId == scan.Record.ScanId;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return null;
    }

    private async Task<StoredScan?> NewestAtOrBeforeAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var page = await history.ListScansAsync(100, cursor, cancellationToken).ConfigureAwait(false);
            var found = page.Scans.FirstOrDefault(s => s.Record.CompletedAt <= since);
            if (found is not null)
            {
                return found;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return null;
    }

    private static ResourceDrift Drift(ObservationChange change, PolicyEvaluator beforeJudge, PolicyEvaluator afterJudge,
        ComplianceResult? beforeView, ComplianceResult? afterView)
    {
        var before = change.Before;
        var after = change.After;
        var subject = after ?? before!;
        var kind = before is null ? ResourceDriftKind.Added : after is null ? ResourceDriftKind.Removed : ResourceDriftKind.Changed;
        var beforeViolations = before is null ? [] : beforeJudge.Evaluate(before).Violations;
        var afterViolations = after is null ? [] : afterJudge.Evaluate(after).Violations;
        return new ResourceDrift(
            change.Arn,
            subject.Type,
            subject.Region,
            subject.Name,
            kind,
            ResourceTimeline.TagChanges(before?.Tags ?? [], after?.Tags ?? []),
            [.. afterViolations.Where(v => !beforeViolations.Any(b => Same(b, v)))],
            [.. beforeViolations.Where(v => !afterViolations.Any(a => Same(a, v)))],
            beforeView?.Find(change.Arn)?.CostAtStakeCents ?? 0,
            afterView?.Find(change.Arn)?.CostAtStakeCents ?? 0);
    }

    private static bool Same(TagViolation a, TagViolation b) =>
        a.Kind == b.Kind && string.Equals(a.TagKey, b.TagKey, StringComparison.Ordinal) && a.CurrentValue == b.CurrentValue;

    private static bool InScope(ObservationChange change, ScanScope scope)
    {
        var subject = change.After ?? change.Before!;
        return scope.IncludesType(subject.Type) && scope.IncludesRegion(subject.Region);
    }

    private static bool Touches(ResourceDrift drift, HashSet<string> keys) =>
        drift.Tags.Any(t => keys.Contains(t.Key)) || drift.NewViolations.Any(v => keys.Contains(v.TagKey))
        || drift.FixedViolations.Any(v => keys.Contains(v.TagKey));

    private static ImmutableArray<PolicyChangePoint> PolicyChanges(ImmutableArray<TrendPoint> points)
    {
        var changes = ImmutableArray.CreateBuilder<PolicyChangePoint>();
        TrendPoint? previous = null;
        foreach (var point in points.GroupBy(p => p.ScanId).Select(g => g.First()).OrderBy(p => p.At))
        {
            if (previous is not null && previous.PolicyHash != point.PolicyHash)
            {
                changes.Add(new PolicyChangePoint(point.ScanId, point.At, previous.PolicyVersion, point.PolicyVersion, point.PolicyHash));
            }

            previous = point;
        }

        return changes.ToImmutable();
    }

    /// <summary>Several regions' figures of one scan as one: counts and money added; measured when any part is.</summary>
    private static TrendFigures Combine(List<TrendFigures> parts) =>
        parts.Count == 1 ? parts[0] with { Dimension = FigureDimension.Overall, Key = TrendFigures.OverallKey }
            : new TrendFigures(FigureDimension.Overall, TrendFigures.OverallKey, parts.Any(p => p.Measured),
                parts.Sum(p => p.TotalResources), parts.Sum(p => p.InScope), parts.Sum(p => p.Compliant), parts.Sum(p => p.Violations),
                parts.Sum(p => p.ErrorViolations), parts.Sum(p => p.GapCents), parts.Sum(p => p.TotalSpendCents));
}
