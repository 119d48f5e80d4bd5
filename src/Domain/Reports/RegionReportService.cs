using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.History;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Reports;

/// <summary>
/// Builds <see cref="RegionReport"/>s for a period, metric and regions (the /reports page, the export API, MCP), with
/// the "Since the last period" section when history is kept.
/// </summary>
public sealed class RegionReportService(CostAttributionService costs, TimeProvider timeProvider, HistoryService? history = null)
{
    /// <summary>Prices the result for the period/metric (re-fetching spend, never rescanning), narrows it to the regions and builds the report.</summary>
    public async Task<RegionReport> BuildAsync(ComplianceResult result, BillingPeriod? period, CostMetric? metric,
        IReadOnlyCollection<string> regions, CancellationToken cancellationToken, int top = FixRanking.DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(regions);
        var (view, notes) = await costs.ViewAsync(result, period, metric, regions, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var report = RegionReport.From(view, now, top, notes);
        if (history is null)
        {
            return report;
        }

        var selected = regions.Count > 0 ? regions : (IReadOnlyCollection<string>)result.RegionFilter;
        var scope = ScanScope.EveryType.WithRegions(selected);
        return report with { SinceLastPeriod = await PeriodComparison.BuildAsync(history, scope, now, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>The violations of a result narrowed to regions and (optionally) a severity, highest cost at stake first.</summary>
    public static ImmutableArray<Violation> Violations(ComplianceResult result, IReadOnlyCollection<string> regions, Policy.Severity? severity)
    {
        ArgumentNullException.ThrowIfNull(result);
        var view = result.ForRegions(regions);
        return severity is { } s ? [.. view.ViolationsByCost.Where(v => v.Severity == s)] : view.ViolationsByCost;
    }
}
