namespace FinOps.Tests.Integration.Security;

/// <summary>Tests that share one <see cref="KeyedAppFixture"/> (they read, or change nothing another test looks at).</summary>
[CollectionDefinition(Name)]
public sealed class KeyedAppCollection : ICollectionFixture<KeyedAppFixture>
{
    public const string Name = "keyed app";
}
