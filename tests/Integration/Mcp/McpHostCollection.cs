namespace FinOps.Tests.Integration.Mcp;

/// <summary>Tests that share one app (they only read, so they cannot disturb each other).</summary>
[CollectionDefinition(Name)]
public sealed class McpHostCollection : ICollectionFixture<McpHostFixture>
{
    public const string Name = "MCP host";
}
