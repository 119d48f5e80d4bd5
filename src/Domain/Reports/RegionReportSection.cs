using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Reports;

/// <summary>One region's part of a <see cref="RegionReport"/>.</summary>
/// <param name="Region">Region code or <c>global</c>.</param>
/// <param name="Status">How the region's scan ended.</param>
/// <param name="FailureReason">Why it failed, when it did.</param>
/// <param name="Summary">Counts, score and money of its resources.</param>
/// <param name="Costs">Its spend, reconciled to the cent.</param>
/// <param name="ViolationsByTag">Violations per tag key.</param>
/// <param name="TopOffenders">Its resources with the most cost at stake, and what fixing them closes.</param>
/// <param name="DataAsOf">When its data was observed; null when no scan has listed it (its figures are unknown).</param>
public sealed record RegionReportSection(
    string Region,
    RegionScanStatus Status,
    string? FailureReason,
    ComplianceSummary Summary,
    CostReconciliation Costs,
    ImmutableArray<TagKeyViolations> ViolationsByTag,
    GapClosure TopOffenders,
    DateTimeOffset? DataAsOf)
{
    /// <summary>Whether the region's figures measure anything (false: never listed; no score, no gap).</summary>
    public bool IsMeasured => DataAsOf is not null;

    /// <summary>Whether the figures come from an earlier scan because the latest attempt failed.</summary>
    public bool IsStale => IsMeasured && Status != RegionScanStatus.Succeeded;

    /// <summary>How people read the region.</summary>
    public string Label => Region == Resources.ResourceCatalogue.GlobalRegion ? "Global (no region)" : Region;
}
