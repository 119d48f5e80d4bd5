namespace FinOps.Web.Components.Controls;

/// <summary>How a chart's values read: dollars, percentages or counts.</summary>
public enum ChartValueFormat
{
    Usd,
    Percent,
    Count,
}
