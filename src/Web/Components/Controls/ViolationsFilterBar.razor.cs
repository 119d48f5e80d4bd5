using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// The violations grid's filters (resource type, tag key, kind, severity, free text on ARN or name). It holds no state
/// of its own: it shows <see cref="Filter"/> and reports every change, so the page can keep the filter in the URL.
/// </summary>
public sealed partial class ViolationsFilterBar
{
    private const string AnySeverity = "any";
    private ComplianceResult? _optionsFrom;
    private ImmutableArray<string> _types = [];
    private ImmutableArray<string> _tagKeys = [];

    /// <summary>The result whose types and policy keys are offered.</summary>
    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    [Parameter, EditorRequired]
    public required ViolationFilter Filter { get; set; }

    [Parameter]
    public EventCallback<ViolationFilter> FilterChanged { get; set; }

    private string SeverityValue => Filter.Severity is { } severity ? severity.ToWire() : AnySeverity;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_optionsFrom, Result))
        {
            return;
        }

        // Offer what the scan looked at and what its policy checks; a filter value from the URL stays selectable.
        _optionsFrom = Result;
        _types = [.. Result.Types.Select(t => t.Name).Concat(Filter.ResourceTypes.IsDefault ? [] : Filter.ResourceTypes)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _tagKeys = [.. Result.Policy.RequiredTags.Concat(Result.Policy.OptionalTags).Select(t => t.Key)
            .Concat(Filter.TagKeys.IsDefault ? [] : Filter.TagKeys).Distinct(StringComparer.Ordinal)];
    }

    private Task SetTextAsync(string? text) =>
        FilterChanged.InvokeAsync(Filter with { Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim() });

    private Task SetTypesAsync(IEnumerable<string?>? values) =>
        FilterChanged.InvokeAsync(Filter with { ResourceTypes = Selected(values) });

    private Task SetTagKeysAsync(IEnumerable<string?>? values) =>
        FilterChanged.InvokeAsync(Filter with { TagKeys = Selected(values) });

    private Task SetKindsAsync(IEnumerable<ViolationKind>? values) =>
        FilterChanged.InvokeAsync(Filter with { Kinds = [.. (values ?? []).Distinct().Order()] });

    private Task SetSeverityAsync(string? value) =>
        FilterChanged.InvokeAsync(Filter with { Severity = WireNames.TryParseSeverity(value, out var severity) ? severity : null });

    private Task ClearAsync() => FilterChanged.InvokeAsync(ViolationFilter.None);

    /// <summary>A filter list as the select wants it ("any" is an empty, never a default, array).</summary>
    private static ImmutableArray<T> Values<T>(ImmutableArray<T> values) => values.IsDefault ? [] : values;

    private static ImmutableArray<string> Selected(IEnumerable<string?>? values) =>
        [.. (values ?? []).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string SeverityLabel(string? value) => value switch
    {
        "error" => "Error",
        "warning" => "Warning",
        _ => "Any severity",
    };

    private static string Summarise(IReadOnlyList<string> values, string noun) =>
        values.Count <= 2 ? string.Join(", ", values) : $"{values.Count} {noun}";
}
