using System.Collections.Immutable;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>The per-region breakdown of a view: score, in scope, compliant, violations, gap, status (failed regions say why).</summary>
public sealed partial class RegionTable
{
    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    /// <summary>The region filter, kept in the region links.</summary>
    [Parameter]
    public ImmutableArray<string> Regions { get; set; } = [];

    /// <summary>When the region's figures were observed, round-trip formatted (each region keeps its own after a partial scan); null when unmeasured.</summary>
    private static string? AsOfAttribute(RegionalSummary row) =>
        row.DataAsOf?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string? AsOfTitle(RegionalSummary row) =>
        row.DataAsOf is { } asOf ? "Figures as of " + DisplayFormat.Timestamp(asOf) : null;

    private string RegionLink(string region) => RegionSelection.Link($"regions/{Uri.EscapeDataString(region)}", Regions);
}
