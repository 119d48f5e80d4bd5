using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.History;
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
    private ComplianceResult? _changesFor;
    private (FigureChange SincePrevious, FigureChange SinceMonthAgo)? _changes;

    [Inject]
    public required IOptions<DashboardOptions> Options { get; init; }

    [Inject]
    public required HistoryService History { get; init; }

    /// <summary>
    /// The scope whose changes since the previous scan and since 30 days ago are shown under the figures (the account
    /// state through it); null (a pinned scan, say) shows none.
    /// </summary>
    [Parameter]
    public ScanScope? ChangesScope { get; set; }

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

    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_changesFor, Result))
        {
            return;
        }

        _changesFor = Result;
        if (ChangesScope is null || !Result.IsMeasured)
        {
            _changes = null;
            return;
        }

        try
        {
            _changes = await History.ChangesAsync(ChangesScope, CancellationToken.None);
        }
        catch (HistoryUnavailableException)
        {
            // The history banner says the store is unreachable; the figures stand without their changes.
            _changes = null;
        }
    }

    /// <summary>The worded changes of one figure, since the previous scan then since 30 days ago (those with an earlier point).</summary>
    private List<string> ChangesOf(Func<FigureChange, string, string?> word) =>
        _changes is not { } changes ? []
            : [.. new[] { word(changes.SincePrevious, FigureChangeText.SincePrevious), word(changes.SinceMonthAgo, FigureChangeText.SinceMonthAgo) }
                .OfType<string>()];

    private ScoreTarget Target => new(Options.Value.TargetScore);

    private string GapCaption => Gap.GapPercentOfTotal is { } share
        ? $"{DisplayFormat.PercentValue(share)} of total spend: what non-compliant resources cost in {Result.CostPeriod.Label}"
        : $"Nothing was billed in {Result.CostPeriod.Label}";
}
