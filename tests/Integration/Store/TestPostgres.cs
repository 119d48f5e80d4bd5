namespace FinOps.Tests.Integration.Store;

/// <summary>
/// The throwaway PostgreSQL cluster scripts/test.sh starts: its connection string (to a database tests may create
/// others from) is in <c>FINOPS_TEST_POSTGRES</c>. Under CI (<c>CI=true</c>) the PostgreSQL tests run and fail without
/// it; on a developer's machine without it they are skipped, saying how to run them.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "FINOPS_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the PostgreSQL tests are skipped, or null when they run.</summary>
    public static string? SkipReason => ConnectionString is null && !UnderCi
        ? $"{Variable} is not set: run `bash scripts/test.sh` (it starts a throwaway PostgreSQL) or set it to a connection string of a server where the user may CREATE DATABASE."
        : null;

    /// <summary>The connection string, or a failure saying that CI must provide it.</summary>
    public static string Required => ConnectionString ?? throw new InvalidOperationException(
        $"{Variable} is not set, and CI=true requires the PostgreSQL tests to run: scripts/test.sh starts a throwaway cluster and exports it.");
}
