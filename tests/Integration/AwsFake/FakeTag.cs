namespace FinOps.Tests.Integration.AwsFake;

/// <summary>A tag as the fake stores it.</summary>
public sealed record FakeTag(string Key, string Value);
