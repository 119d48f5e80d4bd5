namespace FinOps.Domain.Costs;

/// <summary>Spend of one Cost Explorer SERVICE in one REGION for the period, in integer US cents.</summary>
/// <param name="Service">The SERVICE dimension value, e.g. "Amazon Elastic Compute Cloud - Compute".</param>
/// <param name="Region">The region code, or <c>global</c> for spend without a region.</param>
/// <param name="AmountCents">The amount in cents.</param>
public sealed record CostLine(string Service, string Region, long AmountCents);
