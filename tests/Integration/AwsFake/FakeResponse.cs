namespace FinOps.Tests.Integration.AwsFake;

/// <summary>An answer of the fake: status, content type and body.</summary>
public sealed record FakeResponse(int Status, string ContentType, string Body);
