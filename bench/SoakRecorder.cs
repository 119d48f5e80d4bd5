using System.Collections.Concurrent;
using System.Diagnostics;

namespace FinOps.Bench;

/// <summary>Collects the soak run's requests and memory samples from every worker.</summary>
public sealed class SoakRecorder
{
    private readonly ConcurrentQueue<SoakSample> _samples = new();
    private readonly ConcurrentQueue<SoakMemorySample> _memory = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Time since the run began.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public IReadOnlyList<SoakSample> Samples => [.. _samples];

    public IReadOnlyList<SoakMemorySample> Memory => [.. _memory];

    /// <summary>
    /// Times <paramref name="request"/> and records it under <paramref name="kind"/>; a failure is counted, never thrown.
    /// A request cut short because the run ended is not recorded.
    /// </summary>
    public async Task TimeAsync(string kind, Func<Task<bool>> request, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(request);
        var at = _clock.Elapsed;
        var start = Stopwatch.GetTimestamp();
        bool ok;
        try
        {
            ok = await request();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A failed request is a figure of the run, not the end of it.
        catch (Exception)
#pragma warning restore CA1031
        {
            ok = false;
        }

        _samples.Enqueue(new SoakSample(at, kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds, !ok));
    }

    /// <summary>
    /// Records the memory now: the heap size the GC reported at its last collection and the process's working set; with
    /// <paramref name="collect"/>, first a full compacting collection, so the heap size is what is live.
    /// </summary>
    public void SampleMemory(bool collect, int retainedJobs)
    {
        var live = double.NaN;
        if (collect)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            live = GC.GetTotalMemory(forceFullCollection: false) / 1024.0 / 1024.0;
        }

        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        _memory.Enqueue(new SoakMemorySample(_clock.Elapsed, heap / 1024.0 / 1024.0, Environment.WorkingSet / 1024.0 / 1024.0, live, retainedJobs));
    }
}
