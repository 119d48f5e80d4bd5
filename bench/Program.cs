using BenchmarkDotNet.Running;

namespace FinOps.Bench;

/// <summary>Entry point: <c>dotnet run -c Release --project bench -- --filter *</c> runs the BenchmarkDotNet suites.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--policy-harness", ..])
        {
            PolicyEvaluationHarness.Run(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
