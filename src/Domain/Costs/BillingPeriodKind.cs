namespace FinOps.Domain.Costs;

/// <summary>How a billing period was chosen.</summary>
public enum BillingPeriodKind
{
    /// <summary>A whole calendar month.</summary>
    Month,
    /// <summary>The current month up to (not including) today.</summary>
    MonthToDate,
    /// <summary>Any date range.</summary>
    Custom,
}
