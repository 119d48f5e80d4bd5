using System.Collections.Immutable;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.State;

namespace FinOps.Domain.History;

/// <summary>Turns a finished scan (its own result) and the account state's view right after it into a <see cref="ScanArchive"/>.</summary>
public static class ScanArchiveBuilder
{
    /// <summary>
    /// The archive of <paramref name="scan"/>: its record (units from its outcome), policy, spend, the resources of the
    /// units that succeeded, and the trend figures of <paramref name="stateAfter"/> (the whole-account view once the
    /// scan was applied).
    /// </summary>
    public static ScanArchive Build(ComplianceResult scan, ComplianceResult stateAfter)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(stateAfter);
        var outcome = scan.Outcome;
        var units = AccountState.Empty.Apply(outcome).Units.Values
            .OrderBy(u => u.Unit.Region, StringComparer.Ordinal).ThenBy(u => u.Unit.ResourceType, StringComparer.Ordinal)
            .Select(u => new UnitOutcome(u.Unit.Region, u.Unit.ResourceType, u.LastAttempt.Status, u.LastAttempt.FailureReason))
            .ToImmutableArray();
        var record = new ScanRecord(
            scan.ScanId,
            scan.Account,
            scan.Request.Regions,
            scan.Request.ResourceTypes,
            scan.Policy.Version,
            scan.PolicyHash,
            scan.StartedAt,
            scan.AsOf,
            scan.DataQuality.Status,
            scan.DataQuality.Notes,
            units,
            outcome.CostFailure,
            outcome.Discovery,
            outcome.ScannableRegions,
            outcome.SkippedRegions,
            outcome.Coverage);
        return new ScanArchive(record, scan.Policy, outcome.Costs, [.. scan.Resources.Select(r => r.Resource)], Figures(stateAfter));
    }

    /// <summary>The trend figures of a view: overall, per region, per type.</summary>
    public static ImmutableArray<TrendFigures> Figures(ComplianceResult view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var figures = ImmutableArray.CreateBuilder<TrendFigures>();
        figures.Add(Overall(view));
        foreach (var region in view.Regions)
        {
            figures.Add(From(FigureDimension.Region, region.Region, region.IsMeasured, region.Summary, region.Costs.TotalCents));
        }

        foreach (var (type, summary) in ComplianceAggregator.ByType(view.Resources))
        {
            figures.Add(From(FigureDimension.ResourceType, type, measured: true, summary,
                summary.AttributableCents + summary.GapCents + summary.OutOfScopeCents));
        }

        return figures.ToImmutable();
    }

    /// <summary>The whole view's trend figures (the first of <see cref="Figures"/>), without walking its types.</summary>
    public static TrendFigures Overall(ComplianceResult view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return From(FigureDimension.Overall, TrendFigures.OverallKey, measured: true, view.Summary, view.Costs.TotalCents);
    }

    private static TrendFigures From(FigureDimension dimension, string key, bool measured, ComplianceSummary summary, long spendCents) =>
        new(dimension, key, measured, summary.TotalResources, summary.InScope, summary.Compliant, summary.Violations,
            summary.ErrorViolations, summary.GapCents, spendCents);

    /// <summary>The resource types of a record, resolved (unknown codes from an older catalogue are left out).</summary>
    public static ImmutableArray<ResourceTypeInfo> TypesOf(ScanRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [.. record.ResourceTypes.Where(t => ResourceCatalogue.TryGet(t, out _)).Select(ResourceCatalogue.Get)];
    }
}
