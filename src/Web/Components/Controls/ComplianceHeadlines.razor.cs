using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>The four headline cards of a view: score, cost attribution gap (with provenance), resources in scope, violations.</summary>
public sealed partial class ComplianceHeadlines
{
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
}
