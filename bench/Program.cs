using BenchmarkDotNet.Running;

namespace FinOps.Bench;

/// <summary>
/// Entry point (<c>dotnet run -c Release --project bench -- …</c>):
/// <c>--filter *</c> runs the BenchmarkDotNet suites;
/// <c>targets</c> runs the report/attribution harness (time and peak memory against the targets);
/// <c>scan</c> runs the scan harness (wall time against the critical-path bound, memory, aggregation);
/// <c>policy</c> runs the policy-evaluation harness (evaluations per second, bytes per evaluation);
/// <c>dashboard</c> runs the dashboard's render-time and per-user memory harness;
/// <c>mcp</c> runs the MCP load harness (cached check_tag_compliance at 32 concurrent clients; it starts itself with
/// <c>mcp-load</c> as a separate load generator for its informational last run);
/// <c>violations</c> runs the violations-page fetch harness (paging, sorting, filtering 100,000 resources);
/// <c>soak [--minutes 30]</c> runs the soak harness (mixed load on the sample account: memory slope and p99 per window).
/// <c>store</c> runs the history-store harness (saving, deduplication, trends, comparison, database size).
/// <c>restart [--size 100000]</c> times a restarted app's first overview from a kept 100,000-resource scan.
/// <c>digests</c> times the owner digests and FinOps summary of a scheduled run over 1,000,000 resources and 10,000 owners (≤ 5 s).
/// <c>suggest</c> scores tag suggestions against the sample account's truth (top-1 accuracy, confidence precision).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["targets", ..]:
                return await PerformanceHarness.RunAsync(args);
            case ["scan", ..]:
                return await ScanHarness.RunAsync(args);
            case ["policy" or "--policy-harness", ..]:
                PolicyEvaluationHarness.Run(Console.Out);
                return 0;
            case ["dashboard", ..]:
                return await DashboardHarness.RunAsync(args);
            case ["mcp", ..]:
                return await McpHarness.RunAsync(args);
            case ["mcp-load", _, _]:
                return await McpHarness.LoadGeneratorAsync(args);
            case ["violations", ..]:
                return await ViolationPageHarness.RunAsync();
            case ["soak", ..]:
                return await SoakHarness.RunAsync(args);
            case ["store", ..]:
                return await StoreHarness.RunAsync(args);
            case ["restart", ..]:
                return await RestartHarness.RunAsync(args);
            case ["digests", ..]:
                return DigestHarness.Run();
            case ["suggest", ..]:
                return await SuggestionHarness.RunAsync(args);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
