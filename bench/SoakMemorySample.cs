namespace FinOps.Bench;

/// <summary>
/// The process's memory at one moment of the soak run, in MB: the managed heap as the last collection left it, the
/// working set, and — every minute, after a full compacting collection — the live heap (what is really retained; NaN
/// in between); with the number of scan jobs the app retains at that moment.
/// </summary>
public readonly record struct SoakMemorySample(TimeSpan At, double HeapMegabytes, double WorkingSetMegabytes, double LiveHeapMegabytes, int RetainedJobs);
