namespace FinOps.Tests.Integration.Store;

/// <summary>Which database a store test runs on.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}
