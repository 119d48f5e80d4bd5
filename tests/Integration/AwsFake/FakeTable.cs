namespace FinOps.Tests.Integration.AwsFake;

/// <summary>A DynamoDB table.</summary>
public sealed record FakeTable(string Name, IReadOnlyList<FakeTag> Tags, string Status = "ACTIVE");
