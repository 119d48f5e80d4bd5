namespace FinOps.Tests.Integration.AwsFake;

/// <summary>A KMS key; <paramref name="Manager"/> is <c>CUSTOMER</c> or <c>AWS</c>.</summary>
public sealed record FakeKey(string KeyId, string Manager, IReadOnlyList<FakeTag> Tags, IReadOnlyList<string> Aliases, string State = "Enabled");
