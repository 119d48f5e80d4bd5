namespace FinOps.Domain.Costs;

/// <summary>How people read a cost metric (reports, pages): "Unblended cost", not Cost Explorer's <c>UnblendedCost</c>.</summary>
public static class CostMetricNames
{
    /// <summary>"Unblended cost" or "Amortized cost".</summary>
    public static string Label(this CostMetric metric) => metric == CostMetric.Amortized ? "Amortized cost" : "Unblended cost";
}
