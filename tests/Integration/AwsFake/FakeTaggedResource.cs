namespace FinOps.Tests.Integration.AwsFake;

/// <summary>A resource the Resource Groups Tagging API knows, with the type filter it matches (<c>lambda:function</c>).</summary>
public sealed record FakeTaggedResource(string TypeFilter, string Arn, IReadOnlyList<FakeTag> Tags);
