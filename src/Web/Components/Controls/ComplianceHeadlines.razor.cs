using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Scanning;
using FinOps.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// The headline cards of a view: the score against the target, the cost attribution gap (with provenance and its share
/// of the spend), the total spend, the violations, and the resources in scope when the policy leaves some out.
/// </summary>
public sealed partial class ComplianceHeadlines
{
    [Inject]
    public required IOptions<DashboardOptions> Options { get; init; }

    /// <summary>The view whose figures are shown.</summary>
    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    /// <summary>The view's whole-view gap row (figures with provenance and explanation).</summary>
    [Parameter, EditorRequired]
    public required AttributionGapRow Gap { get; set; }

    /// <summary>The region filter, kept in the cards' links.</summary>
    [Parameter]
    public ImmutableArray<string> Regions { get; set; } = [];

    private ComplianceSummary Summary => Result.Summary;

    private ScoreTarget Target => new(Options.Value.TargetScore);

    private string GapCaption => Gap.GapPercentOfTotal is { } share
        ? $"{DisplayFormat.PercentValue(share)} of total spend: what non-compliant resources cost in {Result.CostPeriod.Label}"
        : $"Nothing was billed in {Result.CostPeriod.Label}";
}
