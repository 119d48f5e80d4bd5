using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FinOps.Bench;

/// <summary>
/// One launch, one warm-up, five iterations, in process: the workloads take seconds each and build large data sets,
/// and the in-process toolchain does not need the project file to be named after the assembly.
/// </summary>
public sealed class InProcessShortRun : ManualConfig
{
    public InProcessShortRun() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
}
