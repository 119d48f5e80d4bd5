using System.Collections.Immutable;
using FinOps.Domain.Scanning;
using FinOps.Domain.Suggestions;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>A resource's tags as the domain's <see cref="TagReview"/> sees them: one row per tag carried or required tag missing.</summary>
public sealed partial class ResourceTagTable
{
    private ImmutableArray<TagReviewRow> _rows = [];
    private (ComplianceResult, EvaluatedResource)? _reviewed;
    private int _carried;
    private int _missing;
    private int _broken;

    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    [Parameter, EditorRequired]
    public required EvaluatedResource Resource { get; set; }

    protected override void OnParametersSet()
    {
        if (_reviewed is var (result, resource) && ReferenceEquals(result, Result) && ReferenceEquals(resource, Resource))
        {
            return;
        }

        // Suggestions look at every resource of the scan: once per result and resource, not on every render.
        _reviewed = (Result, Resource);
        _rows = TagReview.For(Result, Resource);
        _carried = _rows.Count(r => !r.IsMissing);
        _missing = _rows.Count(r => r.IsMissing);
        _broken = _rows.Count(r => !r.Violations.IsEmpty);
    }

    private static string StatusText(TagStatus status) => status switch
    {
        TagStatus.Compliant => "ok",
        TagStatus.Error => "violation",
        TagStatus.Warning => "warning",
        _ => "not in policy",
    };

    private static Color StatusColor(TagStatus status) => status switch
    {
        TagStatus.Compliant => Color.Success,
        TagStatus.Error => Color.Error,
        TagStatus.Warning => Color.Warning,
        _ => Color.Default,
    };

    private static Color ConfidenceColor(TagSuggestion suggestion) => suggestion.ConfidenceLabel switch
    {
        "high" => Color.Success,
        "medium" => Color.Info,
        _ => Color.Default,
    };
}
