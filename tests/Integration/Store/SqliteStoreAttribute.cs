using System.Reflection;
using Xunit.Sdk;

namespace FinOps.Tests.Integration.Store;

/// <summary>A theory row running the test on SQLite.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteStoreAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreKind.Sqlite]];
}
