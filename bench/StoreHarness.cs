using System.Diagnostics;
using FinOps.Domain.History;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FinOps.Bench;

/// <summary>
/// The history store's targets on SQLite: <c>dotnet run -c Release --project bench -- store [persist|large|trend|compare|size]</c>.
/// <list type="bullet">
/// <item><c>persist</c>: a 100,000-resource scan saved new, then again with 2 % of the resources retagged, then unchanged:
/// time of each (target ≤ 1 s) and the file's growth per unchanged resource (target ≤ 64 B); the state read back.</item>
/// <item><c>large</c>: a 1,000,000-resource scan saved: time, and the process's memory beyond the archive it was given
/// (target: less than the archive itself — rows are streamed, never held twice).</item>
/// <item><c>trend</c>: 400 daily scans, then the overall, one-region and every-region trends over them (target ≤ 50 ms).</item>
/// <item><c>compare</c>: the changed resources between two 100,000-resource scans 2 % apart (target ≤ 300 ms).</item>
/// <item><c>size</c>: the database after 30 daily scans of the sample account (6,000 resources, every type), 2 % retagged a day.</item>
/// </list>
/// Without a mode each part runs in its own process. Exits non-zero when a target is missed.
/// </summary>
public static class StoreHarness
{
    private const int Size = 100_000;
    private const int LargeSize = 1_000_000;
    private const double DailyChange = 0.02;

    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.Skip(1).FirstOrDefault();
        return mode switch
        {
            null => await ChildrenAsync(["persist", "large", "trend", "compare", "timeline", "size"]).ConfigureAwait(false),
            "persist" => await PersistAsync().ConfigureAwait(false),
            "large" => await LargeAsync().ConfigureAwait(false),
            "trend" => await TrendAsync().ConfigureAwait(false),
            "compare" => await CompareAsync().ConfigureAwait(false),
            "timeline" => await TimelineAsync().ConfigureAwait(false),
            "size" => await SampleSizeAsync().ConfigureAwait(false),
            _ => throw new ArgumentException($"unknown store mode '{mode}'; expected persist, large, trend, compare, timeline or size"),
        };
    }

    private static async Task<int> ChildrenAsync(string[] modes)
    {
        var failed = 0;
        foreach (var mode in modes)
        {
            var host = Environment.ProcessPath!;
            string[] childArgs = Path.GetFileNameWithoutExtension(host) == "dotnet"
                ? [typeof(StoreHarness).Assembly.Location, "store", mode]
                : ["store", mode];
            using var child = Process.Start(new ProcessStartInfo(host, childArgs) { UseShellExecute = false })!;
            await child.WaitForExitAsync().ConfigureAwait(false);
            failed += child.ExitCode == 0 ? 0 : 1;
        }

        return failed;
    }

    private static async Task<int> PersistAsync()
    {
        using var file = new TempStore();
        var resources = StoreWorkload.Resources(Size);
        Console.WriteLine($"Store persist: {Size:N0} resources (20 regions × 6 types), SQLite, {Environment.ProcessorCount} cores " +
            $"(wall time depends on what else the cores run; CPU time is the process's own work)");
        await WarmUpAsync().ConfigureAwait(false);
        await file.Store.MigrateAsync(default).ConfigureAwait(false);
        var failures = 0;

        var empty = file.Bytes();
        var first = await TimeAsync(() => file.Store.SaveAsync(StoreWorkload.Archive("day-0", 0, resources), default)).ConfigureAwait(false);
        var afterFirst = file.Bytes();
        failures += Report("first scan (every resource new)", first, afterFirst - empty, Size);

        StoreWorkload.Retag(resources, 1, DailyChange);
        var second = await TimeAsync(() => file.Store.SaveAsync(StoreWorkload.Archive("day-1", 1, resources), default)).ConfigureAwait(false);
        var afterSecond = file.Bytes();
        failures += Report($"next day, {DailyChange:P0} retagged", second, afterSecond - afterFirst, Size);

        var third = await TimeAsync(() => file.Store.SaveAsync(StoreWorkload.Archive("day-2", 2, resources), default)).ConfigureAwait(false);
        var afterThird = file.Bytes();
        failures += Report("next day, unchanged", third, afterThird - afterSecond, Size);
        var perUnchanged = (afterThird - afterSecond) / (double)Size;
        var sizeOk = perUnchanged <= 64;
        failures += sizeOk ? 0 : 1;
        Console.WriteLine($"{(sizeOk ? "PASS" : "FAIL")}  new storage per unchanged resource: {perUnchanged:0.0} B (target ≤ 64 B; the scan's record, units, trend and spend included)");

        var read = await TimeAsync(async () => _ = await file.Store.LoadStateAsync(null, default).ConfigureAwait(false)).ConfigureAwait(false);
        Console.WriteLine($"INFO  account state read back ({Size:N0} resources): {read.TotalMilliseconds:N0} ms (CPU {LastCpu.TotalMilliseconds:N0} ms)");
        return failures;
    }

    /// <summary>Saves, reads and compares small scans in a throwaway store, so timings measure work rather than the JIT.</summary>
    private static async Task WarmUpAsync()
    {
        using var warm = new TempStore();
        var resources = StoreWorkload.Resources(2_000);
        await warm.Store.SaveAsync(StoreWorkload.Archive("warm-0", 0, resources), default).ConfigureAwait(false);
        StoreWorkload.Retag(resources, 1, DailyChange);
        await warm.Store.SaveAsync(StoreWorkload.Archive("warm-1", 1, resources), default).ConfigureAwait(false);
        await warm.Store.LoadStateAsync(null, default).ConfigureAwait(false);
        await warm.Store.CompareAsync("warm-0", "warm-1", default).ConfigureAwait(false);
    }

    private static int Report(string label, TimeSpan time, long growth, int resources)
    {
        var ok = time.TotalSeconds <= 1;
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {label}: saved in {time.TotalMilliseconds:N0} ms (target ≤ 1,000 ms; CPU {LastCpu.TotalMilliseconds:N0} ms); " +
            $"file +{growth / 1024.0 / 1024:N2} MiB ({growth / (double)resources:0.0} B per resource)");
        return ok ? 0 : 1;
    }

    private static async Task<int> LargeAsync()
    {
        using var file = new TempStore();
        await WarmUpAsync().ConfigureAwait(false);
        await file.Store.MigrateAsync(default).ConfigureAwait(false);
        var archive = StoreWorkload.Archive("large", 0, StoreWorkload.Resources(LargeSize));
        var heapBefore = HeapAfterCollection();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        using var sampler = new PeakSampler();
        var time = await TimeAsync(() => file.Store.SaveAsync(archive, default)).ConfigureAwait(false);
        var cpu = LastCpu;
        var peakHeap = sampler.Stop();
        process.Refresh();
        var heapExtra = peakHeap - heapBefore;
        var ok = heapExtra < heapBefore;
        GC.KeepAlive(archive);
        Console.WriteLine($"Store large scan: {LargeSize:N0} resources, SQLite");
        Console.WriteLine($"INFO  saved in {time.TotalSeconds:N1} s (CPU {cpu.TotalSeconds:N1} s); file {file.Bytes() / 1024.0 / 1024:N0} MiB");
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  managed heap: archive {heapBefore / 1024.0 / 1024:N0} MiB; peak during the save " +
            $"{peakHeap / 1024.0 / 1024:N0} MiB, i.e. {heapExtra / 1024.0 / 1024:N0} MiB beyond the archive (target: less than the archive — never held twice); " +
            $"process peak working set {process.PeakWorkingSet64 / 1024.0 / 1024:N0} MiB (before the save {workingSetBefore / 1024.0 / 1024:N0} MiB)");
        return ok ? 0 : 1;
    }

    private static async Task<int> TrendAsync()
    {
        using var file = new TempStore();
        await file.Store.MigrateAsync(default).ConfigureAwait(false);
        var resources = StoreWorkload.Resources(1_000);
        for (var day = 0; day < 400; day++)
        {
            StoreWorkload.Retag(resources, day, DailyChange);
            await file.Store.SaveAsync(StoreWorkload.Archive($"day-{day}", day, resources), default).ConfigureAwait(false);
        }

        Console.WriteLine("Store trend: 400 daily scans (1,000 resources, 27 figure sets each), SQLite");
        var window = (Since: StoreWorkload.Day0, Until: StoreWorkload.Day0.AddDays(400));
        var failures = 0;
        foreach (var (label, query, expected) in new[]
        {
            ("overall", new TrendQuery(FigureDimension.Overall, [], window.Since, window.Until), 400),
            ("one region", new TrendQuery(FigureDimension.Region, ["eu-west-1"], window.Since, window.Until), 400),
            ("every region", new TrendQuery(FigureDimension.Region, [], window.Since, window.Until), 400 * 20),
        })
        {
            IReadOnlyList<TrendPoint> points = [];
            var median = await MedianAsync(async () => points = await file.Store.ReadTrendAsync(query, default).ConfigureAwait(false), 21).ConfigureAwait(false);
            var cpu = LastCpu;
            var ok = median.TotalMilliseconds <= 50 && points.Count == expected;
            failures += ok ? 0 : 1;
            Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {label}: {points.Count:N0} points in {median.TotalMilliseconds:N1} ms (median of 21; target ≤ 50 ms; CPU of the last run {cpu.TotalMilliseconds:N1} ms)");
        }

        return failures;
    }

    private static async Task<int> CompareAsync()
    {
        using var file = new TempStore();
        await WarmUpAsync().ConfigureAwait(false);
        await file.Store.MigrateAsync(default).ConfigureAwait(false);
        var resources = StoreWorkload.Resources(Size);
        await file.Store.SaveAsync(StoreWorkload.Archive("day-0", 0, resources), default).ConfigureAwait(false);
        StoreWorkload.Retag(resources, 1, DailyChange);
        await file.Store.SaveAsync(StoreWorkload.Archive("day-1", 1, resources), default).ConfigureAwait(false);

        IReadOnlyList<ObservationChange> changes = [];
        var median = await MedianAsync(async () => changes = await file.Store.CompareAsync("day-0", "day-1", default).ConfigureAwait(false), 7).ConfigureAwait(false);
        var cpu = LastCpu;
        var ok = median.TotalMilliseconds <= 300 && changes.Count == Size * DailyChange;
        Console.WriteLine("Store compare: two 100,000-resource scans, SQLite");
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {changes.Count:N0} changed resources in {median.TotalMilliseconds:N0} ms (median of 7; target ≤ 300 ms; CPU of the last run {cpu.TotalMilliseconds:N0} ms)");
        return ok ? 0 : 1;
    }

    /// <summary>
    /// One resource's history out of 400 daily scans of 5,000 resources (2,000,000 scan references): the read is three
    /// index lookups whatever the store's size (the plan is printed), so it stays in milliseconds.
    /// </summary>
    private static async Task<int> TimelineAsync()
    {
        using var file = new TempStore();
        await file.Store.MigrateAsync(default).ConfigureAwait(false);
        var resources = StoreWorkload.Resources(5_000);
        for (var day = 0; day < 400; day++)
        {
            StoreWorkload.Retag(resources, day, DailyChange);
            await file.Store.SaveAsync(StoreWorkload.Archive($"day-{day}", day, resources), default).ConfigureAwait(false);
        }

        Console.WriteLine("Store timeline: one resource's history in 400 daily scans of 5,000 resources, SQLite");
        await using (var db = file.Store.Database.CreateContext())
        {
            await db.Database.OpenConnectionAsync().ConfigureAwait(false);
            await using var explain = db.Database.GetDbConnection().CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + FinOps.Store.History.ResourceHistoryReader.Sql;
            foreach (var (name, value) in new (string, object)[] { ("@arn", resources[0].Arn), ("@limit", 51) })
            {
                var parameter = explain.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                explain.Parameters.Add(parameter);
            }

            await using var plan = await explain.ExecuteReaderAsync().ConfigureAwait(false);
            while (await plan.ReadAsync().ConfigureAwait(false))
            {
                Console.WriteLine($"INFO  plan: {plan.GetString(3)}");
            }
        }

        var failures = 0;
        foreach (var limit in new[] { 51, 401 })
        {
            IReadOnlyList<ResourceObservation> read = [];
            var arn = resources[^1].Arn;
            var median = await MedianAsync(async () => read = await file.Store.ReadResourceHistoryAsync(arn, limit, default).ConfigureAwait(false), 21)
                .ConfigureAwait(false);
            var cpu = LastCpu;
            var ok = median.TotalMilliseconds <= 20 && read.Count == Math.Min(limit, 400);
            failures += ok ? 0 : 1;
            Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  limit {limit}: {read.Count:N0} observations in {median.TotalMilliseconds:N2} ms " +
                $"(median of 21; target ≤ 20 ms; CPU of the last run {cpu.TotalMilliseconds:N2} ms); file {file.Bytes() / 1024.0 / 1024:N0} MiB");
        }

        return failures;
    }

    private static async Task<int> SampleSizeAsync()
    {
        using var file = new TempStore();
        await file.Store.MigrateAsync(default).ConfigureAwait(false);
        await using var workload = ScanWorkload.Create(ScanWorkload.SampleSettings(6_000, 100, 0));
        var everyType = new ScanRequest([.. ResourceCatalogue.All.Select(t => t.Name)], []);
        var view = await workload.ScanAsync(everyType).ConfigureAwait(false);
        var archive = ScanArchiveBuilder.Build(view, view);
        var resources = archive.Resources.ToList();
        for (var day = 0; day < 30; day++)
        {
            if (day > 0)
            {
                StoreWorkload.Retag(resources, day, DailyChange);
            }

            var at = StoreWorkload.Day0.AddDays(day);
            var record = archive.Record with { ScanId = $"sample-day-{day}", StartedAt = at.AddMinutes(-1), CompletedAt = at };
            await file.Store.SaveAsync(archive with { Record = record, Resources = resources, Costs = archive.Costs with { AsOf = at } }, default).ConfigureAwait(false);
        }

        Console.WriteLine($"Store size: 30 daily scans of the sample account ({resources.Count:N0} resources, every type), {DailyChange:P0} retagged a day, SQLite");
        Console.WriteLine($"INFO  database {file.Bytes() / 1024.0 / 1024:N2} MiB ({file.Bytes() / 30.0 / 1024:N0} KiB per scan on average)");
        return 0;
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await work().ConfigureAwait(false);
        var elapsed = watch.Elapsed;
        process.Refresh();
        LastCpu = process.TotalProcessorTime - cpu;
        return elapsed;
    }

    /// <summary>CPU time of the last timed work (every thread of the process): on a busy machine, wall time waits for cores.</summary>
    private static TimeSpan LastCpu { get; set; }

    private static async Task<TimeSpan> MedianAsync(Func<Task> work, int runs)
    {
        await work().ConfigureAwait(false); // warm-up
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(await TimeAsync(work).ConfigureAwait(false));
        }

        times.Sort();
        return times[runs / 2];
    }

    private static long HeapAfterCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>A SQLite history store in a temporary file, its size measured after a checkpoint (WAL folded in), free pages left out.</summary>
    private sealed class TempStore : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "finops-store-bench", Guid.NewGuid().ToString("N"));

        public TempStore()
        {
            Directory.CreateDirectory(_folder);
            Store = new ScanHistoryStore(HistoryDatabase.Sqlite($"Data Source={Path.Combine(_folder, "finops.db")}"));
        }

        public ScanHistoryStore Store { get; }

        public long Bytes()
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "finops.db")}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); ";
            command.ExecuteNonQuery();
            command.CommandText = "SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()";
            return (long)command.ExecuteScalar()!;
        }

        public void Dispose()
        {
            Store.Dispose();
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Samples the managed heap every few milliseconds on its own thread and keeps the highest value.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private long _peak;

        public PeakSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
                    _stop.Token.WaitHandle.WaitOne(5);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public long Stop()
        {
            _stop.Cancel();
            _thread.Join();
            return _peak;
        }

        public void Dispose() => _stop.Dispose();
    }
}
