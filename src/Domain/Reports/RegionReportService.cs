using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Reports;

/// <summary>Builds <see cref="RegionReport"/>s for a period, metric and regions (the /reports page, the export API, MCP).</summary>
public sealed class RegionReportService(CostAttributionService costs, TimeProvider timeProvider)
{
    /// <summary>Prices the result for the period/metric (re-fetching spend, never rescanning), narrows it to the regions and builds the report.</summary>
    public async Task<RegionReport> BuildAsync(ComplianceResult result, BillingPeriod? period, CostMetric? metric,
        IReadOnlyCollection<string> regions, CancellationToken cancellationToken, int top = FixRanking.DefaultTop)
    {
        var (view, notes) = await costs.ViewAsync(result, period, metric, regions, cancellationToken).ConfigureAwait(false);
        return RegionReport.From(view, timeProvider.GetUtcNow(), top, notes);
    }

    /// <summary>The violations of a result narrowed to regions and (optionally) a severity, highest cost at stake first.</summary>
    public static ImmutableArray<Violation> Violations(ComplianceResult result, IReadOnlyCollection<string> regions, Policy.Severity? severity)
    {
        ArgumentNullException.ThrowIfNull(result);
        var view = result.ForRegions(regions);
        return severity is { } s ? [.. view.ViolationsByCost.Where(v => v.Severity == s)] : view.ViolationsByCost;
    }
}
