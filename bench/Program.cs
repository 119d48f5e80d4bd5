using BenchmarkDotNet.Running;

namespace FinOps.Bench;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench -- --filter *</c> runs the BenchmarkDotNet suites;
/// <c>… -- targets</c> runs the report/attribution harness (time and peak memory against the targets);
/// <c>… -- scan</c> runs the scan harness (wall time against the critical-path bound, memory, aggregation).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["targets", ..])
        {
            return await PerformanceHarness.RunAsync(args);
        }

        if (args is ["scan", ..])
        {
            return await ScanHarness.RunAsync(args);
        }

        if (args is ["violations", ..])
        {
            return await ViolationPageHarness.RunAsync();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
