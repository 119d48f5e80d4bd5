namespace FinOps.Tests.E2E.Infrastructure;

/// <summary>Every E2E test joins this collection so the assembly starts one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
