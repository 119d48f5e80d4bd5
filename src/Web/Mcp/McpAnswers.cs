using System.Collections.Immutable;
using System.Globalization;
using FinOps.Domain.Costs;
using FinOps.Domain.Custodian;
using FinOps.Domain.Policy;
using FinOps.Domain.Reports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.Suggestions;
using FinOps.Web.Mcp.Answers;

namespace FinOps.Web.Mcp;

/// <summary>Shapes domain results into tool answers. Only copies and spells figures; never computes one.</summary>
public static class McpAnswers
{
    public static MoneyAnswer Money(CostFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return new MoneyAnswer(figure.Usd, figure.Cents, figure.ProvenanceLabel, figure.Explanation);
    }

    public static DataQualityAnswer DataQuality(DataQuality quality)
    {
        ArgumentNullException.ThrowIfNull(quality);
        return new DataQualityAnswer(quality.StatusText, quality.Notes, [.. quality.TaggedOnlyTypes]);
    }

    public static RegionMetadataAnswer RegionMetadata(RegionMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new RegionMetadataAnswer(metadata.TotalRegions, metadata.SuccessfulRegions,
            [.. metadata.FailedRegions.Select(f => new RegionFailureAnswer(f.Region, f.Reason))],
            metadata.SkippedRegions, metadata.DiscoveryFallback, metadata.DiscoveryFallbackReason);
    }

    public static RegionalBreakdownAnswer Regional(RegionalSummary row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var s = row.Summary;
        return new RegionalBreakdownAnswer(row.Region, ReportFormat.Status(row.Status), row.FailureReason, row.IsMeasured, row.IsStale,
            row.DataAsOf, row.Score, row.ScorePercent, row.NothingInScope, s.TotalResources, s.InScope, s.Compliant, s.NonCompliant,
            s.OutOfScope, s.Violations, row.GapCents is { } gap ? Domain.Costs.Money.ToUsd(gap) : null, row.GapCents,
            Domain.Costs.Money.ToUsd(row.Costs.TotalCents));
    }

    public static ViolationAnswer Violation(Violation v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new ViolationAnswer(v.Arn, v.ResourceType, v.Region, v.ResourceName, v.Kind.ToWire(), v.TagKey, v.Severity.ToWire(),
            v.CurrentValue, v.Expected, v.Message, Domain.Costs.Money.ToUsd(v.ResourceCostCents), Domain.Costs.Money.ToUsd(v.GapShareCents),
            v.CostProvenance.ToWire(), v.WaivedUntil);
    }

    public static TagViolationAnswer TagViolation(TagViolation v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new TagViolationAnswer(v.Kind.ToWire(), v.TagKey, v.Severity.ToWire(), v.CurrentValue, v.Expected, v.Message);
    }

    public static IReadOnlyList<TagAnswer> Tags(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return [.. resource.Tags.Select(t => new TagAnswer(t.Key, t.Value))];
    }

    public static PolicyAnswer Policy(TaggingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicyAnswer(policy.Version, policy.ContentHash,
            [.. policy.RequiredTags.Select(Requirement)],
            [.. policy.OptionalTags.Select(t => Requirement(t) with { Severity = Severity.Warning.ToWire() })],
            new PolicyRulesAnswer(policy.Rules.CaseSensitiveKeys, policy.Rules.CaseSensitiveValues, policy.Rules.MaxKeyLength, policy.Rules.MaxValueLength));
    }

    public static PolicyDiffAnswer Diff(PolicyDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return new PolicyDiffAnswer(diff.IsEmpty,
            [.. diff.Changes.Select(c => new PolicyChangeAnswer(c.Kind.ToString().ToLowerInvariant(), c.TagKey, c.Details))],
            diff.RuleChanges);
    }

    public static CustodianAnswer Custodian(CustodianExport export, TaggingPolicy policy, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(policy);
        return new CustodianAnswer(export.Yaml,
            [.. export.Policies.Select(p => new CustodianPolicyAnswer(p.Name, p.Resource, p.ResourceType, p.TagKeys))],
            [.. export.Skipped.Select(s => new CustodianSkipAnswer(s.ResourceType, s.Reason))],
            export.Notes, policy.ContentHash, asOf);
    }

    public static RegionsAnswer Regions(RegionTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return new RegionsAnswer(targets.DefaultRegion, targets.MultiRegionEnabled, targets.Discovery.FellBack, targets.Discovery.FallbackReason,
            [.. targets.Regions.Select(r => new RegionAnswer(r.Name, new Domain.Ports.RegionInfo(r.Name, r.OptInStatus).OptInStatusText,
                r.IsEnabled, r.IsAllowed, r.IsDefault, r.IsScanned))],
            targets.Scannable, targets.Skipped, [.. targets.Scannable, ResourceCatalogue.GlobalRegion], targets.Discovery.DiscoveredAt);
    }

    /// <summary>The figures of a finished scan; <paramref name="overall"/> is its gap report's overall row (for the gap's provenance).</summary>
    public static ScanSummaryAnswer Summary(ComplianceResult result, AttributionGapRow overall)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(overall);
        var s = result.Summary;
        var measured = result.IsMeasured;
        return new ScanSummaryAnswer(measured, measured ? s.Score : null, measured ? s.ScorePercent : null, measured && s.NothingInScope, s.TotalResources, s.InScope, s.Compliant, s.NonCompliant, s.OutOfScope,
            s.Violations, Money(overall.Gap), RegionMetadata(result.RegionMetadata), DataQuality(result.DataQuality), result.PolicyHash, result.AsOf);
    }

    public static RegionProgressAnswer Progress(RegionProgress row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new RegionProgressAnswer(row.Region, ReportFormat.Status(row.Status), row.Resources, row.Violations, row.Retries,
            row.RetryAttempt, row.Reason, Math.Round(row.Elapsed.TotalSeconds, 3));
    }

    /// <summary>The status word of a job: a finished scan whose data is not complete is <c>partial</c>.</summary>
    public static string Status(ScanJobSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Status switch
        {
            ScanJobStatus.Running => "running",
            ScanJobStatus.Succeeded => Status(snapshot.Result!),
            ScanJobStatus.Failed => "failed",
            _ => "cancelled",
        };
    }

    /// <summary>succeeded, partial or failed, from the result's data quality.</summary>
    public static string Status(ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.DataQuality.Status switch
        {
            DataQualityStatus.Complete => "succeeded",
            DataQualityStatus.Partial => "partial",
            _ => "failed",
        };
    }

    public static PeriodAnswer Period(BillingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new PeriodAnswer(period.ToString(), period.Label,
            period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static GapRowAnswer GapRow(AttributionGapRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new GapRowAnswer(row.Key, row.Label, row.Resources, row.InScope, row.NonCompliant, Money(row.Total), Money(row.Attributable),
            Money(row.Gap), Money(row.OutOfScope), Money(row.Untaggable), Money(row.Unallocated), row.Reconciles);
    }

    public static GapClosureAnswer Closure(GapClosure closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        return new GapClosureAnswer(closure.Scope, closure.Sentence, closure.NotScannedReason is null, closure.PercentOfGap,
            Domain.Costs.Money.ToUsd(closure.ClosedCents), closure.NotScannedReason is null ? Domain.Costs.Money.ToUsd(closure.GapCents) : null,
            closure.NonCompliantResources,
            [.. closure.Resources.Select(r => new RankedResourceAnswer(r.Rank, r.Arn, r.Name, r.ResourceType, r.Region, r.BrokenTagKeys,
                Domain.Costs.Money.ToUsd(r.CostAtStakeCents), r.CostProvenance.ToWire()))]);
    }

    public static AttributionGapAnswer AttributionGap(ComplianceResult result, AttributionGapReport report)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(report);
        return new AttributionGapAnswer(result.ScanId, report.AsOf, report.CostsAsOf, report.CostSource, Period(report.Period),
            report.Metric.ToWire(), report.GroupBy.ToWire(), report.Regions, GapRow(report.Overall), [.. report.Rows.Select(GapRow)],
            [.. report.UntaggedByTagKey.Select(t => new TagKeySpendAnswer(t.TagKey, t.ResourcesWithout, Money(t.FromResources), Money(t.Measured),
                t.MeasuredAccountWide, t.MeasuredOver?.Description,
                t.MeasuredOver is { CoversEveryTaggableService: false } over ? over.Services : null))],
            new FixPlanAnswer(Closure(report.FixPlan.Overall), [.. report.FixPlan.Regions.Select(Closure)]),
            new DataQualityAnswer(ReportFormat.Status(report.DataQuality), report.Notes, [.. result.DataQuality.TaggedOnlyTypes]),
            result.PolicyHash);
    }

    public static UntaggedResourceAnswer Untagged(EvaluatedResource r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new UntaggedResourceAnswer(r.Arn, r.Type, r.Region, r.Resource.Name, r.Cost.Usd, r.Cost.Provenance.ToWire(), r.IsUntagged,
            r.InScope, UntaggedResourceQuery.MissingTagKeys(r), Domain.Costs.Money.ToUsd(r.CostAtStakeCents));
    }

    public static TagSuggestionAnswer Suggestion(TagSuggestion s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new TagSuggestionAnswer(s.TagKey, s.Value, s.Kind == SuggestionKind.RenameKey ? "rename_key" : "set_value", s.Confidence,
            s.ConfidenceLabel, s.Reason);
    }

    /// <summary>compliant, non_compliant or out_of_scope.</summary>
    public static string Verdict(bool inScope, bool compliant) => !inScope ? "out_of_scope" : compliant ? "compliant" : "non_compliant";

    private static TagRequirementAnswer Requirement(TagRequirement t) =>
        new(t.Key, t.Description, t.AllowedValues.IsDefault ? [] : t.AllowedValues, t.Pattern,
            t.AppliesTo.IsDefault ? [] : t.AppliesTo, t.Severity.ToWire());

    /// <summary>An empty list for a default array (answers never carry null lists).</summary>
    public static IReadOnlyList<T> List<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
