using System.Globalization;
using FinOps.Domain.Scanning;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Bench;

/// <summary>
/// The soak run: <c>dotnet run -c Release --project bench -- soak [--minutes 30]</c>. The app runs in this process on a
/// loopback port over the sample account (6,000 resources with its usual simulated latency, a scan at start-up), and
/// <see cref="SoakWorkload"/> drives it for the whole duration with mixed MCP calls, page loads, exports and forced scans.
/// Memory is sampled every 15 seconds, and once a minute after a full collection (the live heap). Prints latency per
/// window and the memory slope after warm-up
/// (<see cref="SoakReport"/>); exits non-zero when the targets are missed. Not a test: it takes half an hour.
/// </summary>
public static class SoakHarness
{
    private static readonly TimeSpan MemoryInterval = TimeSpan.FromSeconds(15);

    /// <summary>Every fourth sample (once a minute) is taken after a full collection.</summary>
    private const int LiveHeapEvery = 4;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        SoakOptions options;
        try
        {
            options = SoakOptions.Parse(args.Skip(1).ToList());
        }
        catch (ArgumentException invalid)
        {
            await Console.Error.WriteLineAsync(invalid.Message);
            return 2;
        }

        var dataPath = Path.Combine(Path.GetTempPath(), "finops-bench-soak-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            ["FinOps:DataPath"] = dataPath,
            ["FinOps:Sample:Size"] = options.Size.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (options.JobRetentionMinutes is { } retention)
        {
            settings["FinOps:Scan:FinishedJobRetentionMinutes"] = retention.ToString(CultureInfo.InvariantCulture);
        }

        Console.WriteLine($"Soak: {options.Minutes:0.#} min (warm-up {options.WarmUpMinutes:0.#} min, windows of {options.WindowMinutes:0.#} min), " +
            $"sample account of {options.Size:N0} resources, {options.McpClients} MCP clients, 1 page reader, 1 export script, a forced scan every 2 min, " +
            $"finished scans retained {(options.JobRetentionMinutes is { } kept ? $"{kept} min" : "as configured (default 120 min)")}; " +
            $"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        try
        {
            await using var host = SoakHost.Start(settings);
            // The clock starts once the start-up scan has answered, as the app is used: before that, exports answer 409.
            await SoakWorkload.WaitForFirstScanAsync(host.BaseAddress);
            var recorder = new SoakRecorder();
            using var stop = new CancellationTokenSource(options.Duration);
            var load = new SoakWorkload(host.BaseAddress, recorder).RunAsync(options.McpClients, stop.Token);
            var compliance = host.Services.GetRequiredService<ComplianceService>();
            using (var ticks = new PeriodicTimer(MemoryInterval))
            {
                recorder.SampleMemory(collect: true, compliance.ListJobs().Count);
                for (var tick = 1; await Tick(ticks, stop.Token); tick++)
                {
                    // A full collection once a minute measures what is live; the others only read the counters.
                    recorder.SampleMemory(collect: tick % LiveHeapEvery == 0, compliance.ListJobs().Count);
                    var last = recorder.Memory[^1];
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {recorder.Elapsed.TotalMinutes,5:N1} min: {recorder.Samples.Count:N0} requests, heap {last.HeapMegabytes:N0} MB" +
                        $"{(double.IsNaN(last.LiveHeapMegabytes) ? "" : $" (live {last.LiveHeapMegabytes:N0} MB)")}, RSS {last.WorkingSetMegabytes:N0} MB, {last.RetainedJobs} scan jobs retained"));
                }
            }

            await load;
            var report = new SoakReport(options, recorder.Samples, recorder.Memory);
            Console.WriteLine(report);
            return report.Met ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
