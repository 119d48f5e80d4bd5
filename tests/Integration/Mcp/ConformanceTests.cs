namespace FinOps.Tests.Integration.Mcp;

/// <summary>
/// The MCP conformance suite (npm <c>@modelcontextprotocol/conformance</c>, server mode) against <c>/mcp</c>, run with
/// Playwright's bundled Node. Scenarios that need the suite's reference fixtures are listed in
/// <c>conformance-baseline-{stateless,stateful}.yml</c>; the runner exits non-zero on any other failure and on stale baseline entries.
/// </summary>
public sealed class ConformanceTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task The_conformance_suite_passes_except_for_the_baseline_of_fixture_scenarios(string stateless)
    {
        await using var host = McpTestHost.Start(new Dictionary<string, string?> { ["FinOps:Mcp:Stateless"] = stateless });
        var baseline = Path.Combine(RepositoryPaths.Root, "tests", "Integration", "Mcp",
            stateless == "true" ? "conformance-baseline-stateless.yml" : "conformance-baseline-stateful.yml");
        var cli = Path.Combine(RepositoryPaths.NodeFixtures, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");
        var workDir = Directory.CreateDirectory(Path.Combine(host.DataPath, "conformance")).FullName;

        var (exit, stdout, stderr) = await NodeRunner.RunAsync(
            [cli, "server", "--url", host.McpEndpoint.ToString(), "--expected-failures", baseline], TimeSpan.FromMinutes(5), workDir);

        var summary = stdout.Contains("=== SUMMARY ===", StringComparison.Ordinal) ? stdout[stdout.IndexOf("=== SUMMARY ===", StringComparison.Ordinal)..] : stdout;
        Assert.True(exit == 0, $"conformance suite failed (exit {exit}) in {(stateless == "true" ? "stateless" : "stateful")} mode:\n{summary}\n{stderr}");
        Assert.Contains("server-initialize: 1 passed, 0 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("tools-list: 1 passed, 0 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("dns-rebinding-protection", stdout, StringComparison.Ordinal);
    }
}
