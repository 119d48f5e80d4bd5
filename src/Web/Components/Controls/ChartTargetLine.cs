namespace FinOps.Web.Components.Controls;

/// <summary>A line across a bar chart at a value, labelled (e.g. the target score).</summary>
public sealed record ChartTargetLine(double Value, string Label, string Color);
