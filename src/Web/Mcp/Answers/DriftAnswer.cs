using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of detect_tag_drift.</summary>
public sealed record DriftAnswer(
    [property: Description("The baseline (earlier) scan.")] DriftScanAnswer From,
    [property: Description("The later scan.")] DriftScanAnswer To,
    [property: Description("The regions kept; empty: every region.")] IReadOnlyList<string> Regions,
    [property: Description("The resource types kept; empty: every type.")] IReadOnlyList<string> ResourceTypes,
    [property: Description("Only changes touching these tag keys; empty: every key.")] IReadOnlyList<string> TagKeys,
    int ResourcesAdded,
    int ResourcesRemoved,
    int ResourcesChanged,
    int TagsAdded,
    int TagsRemoved,
    int TagsChanged,
    int ViolationsNew,
    int ViolationsFixed,
    [property: Description("How much the gap moved because of the changed resources (all pages; positive: grew), US dollars.")] decimal GapMovedUsd,
    long GapMovedCents,
    [property: Description("Changed resources matching the filters (all pages).")] int TotalCount,
    [property: Description("This page of changed resources, largest gap movement first.")] IReadOnlyList<ResourceDriftAnswer> Resources,
    [property: Description("Pass as cursor for the next page (same other arguments); null at the end.")] string? NextCursor);
