namespace FinOps.Tests.Integration.AwsFake;

/// <summary>
/// Spend of one month under one pair of group keys: (SERVICE, REGION) for the dimension grouping, or (tag key, tag
/// value) for a TAG grouping, where the value "" is the untagged bucket Cost Explorer reports as <c>key$</c>.
/// </summary>
public sealed record FakeCost(DateOnly Month, string First, string Second, decimal Amount);
