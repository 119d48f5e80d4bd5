namespace FinOps.Web.Components.Controls;

/// <summary>One line of a time chart: its name and its points (a null value leaves a gap: not measured then).</summary>
public sealed record ChartLine(string Name, IReadOnlyList<(DateTimeOffset At, double? Value)> Points);

/// <summary>A labelled vertical line on a time chart at a moment (e.g. where the policy in force changed).</summary>
public sealed record ChartTimeMark(DateTimeOffset At, string Label);
