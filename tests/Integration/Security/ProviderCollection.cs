namespace FinOps.Tests.Integration.Security;

/// <summary>Tests that need the local OpenID provider share one instance.</summary>
[CollectionDefinition(Name)]
public sealed class ProviderCollection : ICollectionFixture<OidcTestProvider>
{
    public const string Name = "oidc-provider";
}
