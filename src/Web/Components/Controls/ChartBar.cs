namespace FinOps.Web.Components.Controls;

/// <summary>One bar of a bar chart: its category, its value (from the domain) and its colour.</summary>
public sealed record ChartBar(string Label, double Value, string Color);
