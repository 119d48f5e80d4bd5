namespace FinOps.Tests.Integration.AwsFake;

/// <summary>Spend of one month under one (SERVICE, REGION) pair of the dimension grouping.</summary>
public sealed record FakeCost(DateOnly Month, string First, string Second, decimal Amount);
