namespace FinOps.Domain.Costs;

/// <summary>Which Cost Explorer metric spend is measured in.</summary>
public enum CostMetric
{
    /// <summary><c>UnblendedCost</c> (the default).</summary>
    Unblended,
    /// <summary><c>AmortizedCost</c>: up-front reservation fees spread over the term.</summary>
    Amortized,
}
