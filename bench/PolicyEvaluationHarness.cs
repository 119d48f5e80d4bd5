using System.Diagnostics;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Bench;

/// <summary>
/// A quick check of policy evaluation throughput without BenchmarkDotNet: <c>dotnet run -c Release --project bench --
/// --policy-harness</c>. Besides wall-clock rate it reports the rate per CPU-second of the process, which stays
/// meaningful when other work shares the machine (BenchmarkDotNet's figures are the ones that count).
/// </summary>
public static class PolicyEvaluationHarness
{
    private const int Evaluations = 20_000_000;

    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var policy = TaggingPolicyJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "tagging-policy.json")));
        var evaluator = new PolicyEvaluator(policy);
        Tag[] tags =
        [
            new("Name", "orders-db-1"), new("CostCenter", "CC-300"), new("Owner", "payments-team@example.com"),
            new("Environment", "production"), new("Application", "orders-api"), new("DataClassification", "confidential"),
            new("Project", "PAY-2041"),
        ];

        for (var i = 0; i < 2_000_000; i++)
        {
            evaluator.Evaluate("rds:db", tags, null); // warm-up: tiered JIT, pattern memory
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var compliant = 0;
        for (var i = 0; i < Evaluations; i++)
        {
            if (evaluator.Evaluate("rds:db", tags, null).Compliant)
            {
                compliant++;
            }
        }

        clock.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        output.WriteLine($"compliant resource, 5 required tags: {Evaluations:N0} evaluations ({compliant:N0} compliant)");
        output.WriteLine($"  wall clock: {Evaluations / clock.Elapsed.TotalSeconds:N0} evaluations/s ({clock.Elapsed.TotalNanoseconds / Evaluations:F1} ns each)");
        output.WriteLine($"  CPU time:   {Evaluations / cpu.TotalSeconds:N0} evaluations per CPU-second ({cpu.TotalNanoseconds / Evaluations:F1} ns each)");
        output.WriteLine($"  allocated:  {(double)bytes / Evaluations:F3} B per evaluation");
    }
}
