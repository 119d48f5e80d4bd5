using System.Reflection;
using Xunit.Sdk;

namespace FinOps.Tests.Integration.Store;

/// <summary>A theory row running the test on PostgreSQL (skipped, with the reason, only outside CI without a server).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresStoreAttribute : DataAttribute
{
    public PostgresStoreAttribute() => Skip = TestPostgres.SkipReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreKind.Postgres]];
}
