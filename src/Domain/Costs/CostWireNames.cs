namespace FinOps.Domain.Costs;

/// <summary>The snake_case names every front door uses for cost enums, and their parsers.</summary>
public static class CostWireNames
{
    public static string ToWire(this CostMetric metric) => metric == CostMetric.Amortized ? "amortized" : "unblended";

    /// <summary>The Cost Explorer metric name (<c>UnblendedCost</c>, <c>AmortizedCost</c>).</summary>
    public static string ToCostExplorer(this CostMetric metric) => metric == CostMetric.Amortized ? "AmortizedCost" : "UnblendedCost";

    public static string ToWire(this CostProvenance provenance) => provenance switch
    {
        CostProvenance.Measured => "measured",
        CostProvenance.Allocated => "allocated",
        _ => "unavailable",
    };

    public static string ToWire(this FigureProvenance provenance) => provenance switch
    {
        FigureProvenance.Billed => "billed",
        FigureProvenance.Measured => "measured",
        FigureProvenance.Allocated => "allocated",
        FigureProvenance.Mixed => "mixed",
        FigureProvenance.Unavailable => "unavailable",
        _ => "none",
    };

    public static string ToWire(this GapGrouping grouping) => grouping switch
    {
        GapGrouping.ResourceType => "resource_type",
        GapGrouping.Service => "service",
        _ => "region",
    };

    /// <summary>Accepts <c>unblended</c> (default when empty), <c>amortized</c>, or the Cost Explorer names.</summary>
    public static bool TryParseMetric(string? text, out CostMetric metric)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "unblended" or "unblendedcost":
                metric = CostMetric.Unblended;
                return true;
            case "amortized" or "amortised" or "amortizedcost":
                metric = CostMetric.Amortized;
                return true;
            default:
                metric = default;
                return false;
        }
    }

    /// <summary>Accepts <c>region</c> (default when empty), <c>resource_type</c> or <c>service</c>.</summary>
    public static bool TryParseGrouping(string? text, out GapGrouping grouping)
    {
        switch (text?.Trim().ToLowerInvariant().Replace('-', '_'))
        {
            case null or "" or "region":
                grouping = GapGrouping.Region;
                return true;
            case "resource_type" or "type":
                grouping = GapGrouping.ResourceType;
                return true;
            case "service":
                grouping = GapGrouping.Service;
                return true;
            default:
                grouping = default;
                return false;
        }
    }
}
