using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Costs;

/// <summary>
/// Answers cost questions about a finished scan: another period or metric re-fetches spend from the
/// cost source and re-spreads it over the scan's resources (never a rescan); a region filter narrows totals and
/// resources alike. Front doors (the /costs page, <c>get_cost_attribution_gap</c>, reports) call this.
/// </summary>
public sealed class CostAttributionService(ICostSource costSource, TimeProvider timeProvider)
{
    /// <summary>Today in UTC, the day billing periods are relative to.</summary>
    public DateOnly Today => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    /// <summary>The default period: the last complete month.</summary>
    public BillingPeriod DefaultPeriod => BillingPeriod.LastCompleteMonth(Today);

    /// <summary>Parses a period as <see cref="BillingPeriod.TryParse"/> does, relative to today.</summary>
    public bool TryParsePeriod(string? text, [NotNullWhen(true)] out BillingPeriod? period, [NotNullWhen(false)] out string? error) =>
        BillingPeriod.TryParse(text, Today, out period, out error);

    /// <summary>How many billable cost-source requests pricing <paramref name="result"/> for the period and metric would make (0 when nothing needs fetching).</summary>
    public int EstimateRequestCount(ComplianceResult result, BillingPeriod? period, CostMetric? metric)
    {
        ArgumentNullException.ThrowIfNull(result);
        var query = QueryFor(result, period, metric);
        return query is null ? 0 : costSource.EstimateRequestCount(query);
    }

    /// <summary>
    /// The result priced for another period and/or metric (the result itself when they are its own), keeping its
    /// resources, verdicts and region filter.
    /// </summary>
    public async Task<ComplianceResult> PriceAsync(ComplianceResult result, BillingPeriod? period, CostMetric? metric,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var query = QueryFor(result, period, metric);
        if (query is null)
        {
            return result;
        }

        var snapshot = await costSource.GetCostsAsync(query, cancellationToken).ConfigureAwait(false);
        return ComplianceAggregator.Reprice(result, snapshot);
    }

    /// <summary>Prices (when asked) and narrows (when asked) a result, with notes about filter regions the scan did not cover.</summary>
    public async Task<(ComplianceResult Result, ImmutableArray<string> Notes)> ViewAsync(ComplianceResult result,
        BillingPeriod? period, CostMetric? metric, IReadOnlyCollection<string> regions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(regions);
        var priced = await PriceAsync(result, period, metric, cancellationToken).ConfigureAwait(false);
        if (regions.Count == 0)
        {
            return (priced, []);
        }

        var known = priced.Regions.Select(r => r.Region).ToHashSet(StringComparer.Ordinal);
        var notes = regions.Where(r => !known.Contains(r)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(r => $"Region {r} is not part of this scan; its figures are not included.")
            .ToImmutableArray();
        return (priced.ForRegions(regions), notes);
    }

    /// <summary>The attribution gap of a result for a query (period, metric, grouping, regions).</summary>
    public async Task<AttributionGapReport> GetGapAsync(ComplianceResult result, AttributionGapQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (view, notes) = await ViewAsync(result, query.Period, query.Metric, query.RegionFilter, cancellationToken).ConfigureAwait(false);
        return AttributionGapReport.From(view, query.GroupBy, query.Top, notes);
    }

    /// <summary>The cost query for a period/metric, or null when the result already has those figures.</summary>
    private static CostQuery? QueryFor(ComplianceResult result, BillingPeriod? period, CostMetric? metric)
    {
        var snapshot = result.Allocation.Snapshot;
        var wantedPeriod = period ?? snapshot.Period;
        var wantedMetric = metric ?? snapshot.Metric;
        if (wantedPeriod == snapshot.Period && wantedMetric == snapshot.Metric)
        {
            return null;
        }

        return CostQuery.ForPolicy(wantedPeriod, wantedMetric, result.Policy);
    }
}
