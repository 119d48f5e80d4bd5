using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Reports;

/// <summary>
/// The compliance report for managers, one model rendered as PDF, XLSX, CSV, Markdown and JSON. Every number is
/// taken from a <see cref="ComplianceResult"/>; writers only format, and never show figures the result does not have:
/// a region no scan has listed reads "not scanned", never a score or "no gap".
/// </summary>
/// <param name="Title">The report's title.</param>
/// <param name="Account">The account.</param>
/// <param name="Regions">The regions covered (the filter, or every region of the scan).</param>
/// <param name="Period">The billing period of the money figures.</param>
/// <param name="Metric">The cost metric.</param>
/// <param name="CostSource">Where the money figures come from.</param>
/// <param name="AsOf">When the resources were scanned.</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="PolicyVersion">The tagging policy's version.</param>
/// <param name="PolicyHash">The policy's short content hash.</param>
/// <param name="Summary">Overall counts, score and money.</param>
/// <param name="Costs">Overall spend, reconciled to the cent.</param>
/// <param name="ViolationsByTag">Overall violations per tag key.</param>
/// <param name="TopOffenders">Overall top offenders and what fixing them closes.</param>
/// <param name="Sections">One section per region, in region order.</param>
/// <param name="DataQuality">Whether the figures cover everything.</param>
/// <param name="DataQualityNotes">What a reader should know.</param>
/// <param name="Violations">Every violation, highest cost at stake first.</param>
public sealed record RegionReport(
    string Title,
    AccountDescription Account,
    ImmutableArray<string> Regions,
    BillingPeriod Period,
    CostMetric Metric,
    string CostSource,
    DateTimeOffset AsOf,
    DateTimeOffset GeneratedAt,
    string PolicyVersion,
    string PolicyHash,
    ComplianceSummary Summary,
    CostReconciliation Costs,
    ImmutableArray<TagKeyViolations> ViolationsByTag,
    GapClosure TopOffenders,
    ImmutableArray<RegionReportSection> Sections,
    DataQualityStatus DataQuality,
    ImmutableArray<string> DataQualityNotes,
    ImmutableArray<Violation> Violations)
{
    /// <summary>Whether any region of the report has data (false: none was listed; the score and gap are unknown).</summary>
    public bool IsMeasured => Sections.IsEmpty || Sections.Any(s => s.IsMeasured);

    /// <summary>
    /// The "Since the last period" section: figures then and now from history; null when the report was built
    /// without history (the writers then leave the section out).
    /// </summary>
    public PeriodComparison? SinceLastPeriod { get; init; }

    /// <summary>The default title.</summary>
    public const string DefaultTitle = "Tag compliance and cost attribution report";

    /// <summary>Builds the report of a result (already priced and narrowed as wanted).</summary>
    /// <param name="result">The (filtered) result.</param>
    /// <param name="generatedAt">When the report is made.</param>
    /// <param name="top">Top offenders listed per region.</param>
    /// <param name="extraNotes">Notes to add to the data-quality notes (e.g. unknown filter regions).</param>
    public static RegionReport From(ComplianceResult result, DateTimeOffset generatedAt, int top = FixRanking.DefaultTop,
        IEnumerable<string>? extraNotes = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plan = FixRanking.Build(result, top);
        var byRegion = result.Resources.GroupBy(r => r.Region, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => TagKeyViolations.Count(g), StringComparer.Ordinal);
        var sections = result.Regions.Select(row => new RegionReportSection(
                row.Region,
                row.Status,
                row.FailureReason,
                row.Summary,
                row.Costs,
                byRegion.GetValueOrDefault(row.Region, []),
                plan.Region(row.Region)!,
                row.DataAsOf))
            .ToImmutableArray();
        var snapshot = result.Allocation.Snapshot;
        return new RegionReport(
            DefaultTitle,
            result.Account,
            result.RegionFilter.IsEmpty ? [.. result.Regions.Select(r => r.Region)] : result.RegionFilter,
            snapshot.Period,
            snapshot.Metric,
            snapshot.SourceLabel,
            result.AsOf,
            generatedAt,
            result.Policy.Version,
            result.Policy.ShortHash,
            result.Summary,
            result.Costs,
            TagKeyViolations.Count(result.Resources),
            plan.Overall,
            sections,
            result.DataQuality.Status,
            [.. result.DataQuality.Notes, .. extraNotes ?? []],
            result.ViolationsByCost);
    }
}
