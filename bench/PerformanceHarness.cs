using System.Diagnostics;
using FinOps.Domain.Costs;
using FinOps.Domain.Reports;
using FinOps.Domain.Scanning;

namespace FinOps.Bench;

/// <summary>
/// Times each report/attribution target once in a fresh process and reports the process's peak working set, which
/// BenchmarkDotNet does not measure: <c>dotnet run -c Release --project bench -- targets [xlsx|pdf|csv|attribution]</c>.
/// Exits non-zero when a target is missed.
/// </summary>
public static class PerformanceHarness
{
    private const long MaxPeakBytes = 300L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var only = args.Skip(1).FirstOrDefault();
        if (only is null)
        {
            // Each target in its own process, so one's peak memory does not hide another's.
            var failed = 0;
            foreach (var target in new[] { "xlsx", "pdf", "csv", "attribution" })
            {
                var host = Environment.ProcessPath!;
                string[] childArgs = Path.GetFileNameWithoutExtension(host) == "dotnet"
                    ? [typeof(PerformanceHarness).Assembly.Location, "targets", target]
                    : ["targets", target];
                using var child = Process.Start(new ProcessStartInfo(host, childArgs) { UseShellExecute = false })!;
                await child.WaitForExitAsync().ConfigureAwait(false);
                failed += child.ExitCode == 0 ? 0 : 1;
            }

            return failed;
        }

        return only switch
        {
            "xlsx" => await Report("XLSX, 20 regions, 100,000 violations", TimeSpan.FromSeconds(2), ReportXlsxWriter.WriteAsync).ConfigureAwait(false),
            "pdf" => await Report("PDF, 20 regions, 100,000 violations", TimeSpan.FromSeconds(3), ReportPdfWriter.WriteAsync).ConfigureAwait(false),
            "csv" => await Report("Violations CSV, 100,000 violations", TimeSpan.FromSeconds(2),
                (r, s, ct) => ReportCsvWriter.WriteViolationsAsync(r.Violations, ViolationColumns.All, s, ct)).ConfigureAwait(false),
            "attribution" => Attribution(),
            _ => throw new ArgumentException($"unknown target '{only}'; expected xlsx, pdf, csv or attribution"),
        };
    }

    private static async Task<int> Report(string name, TimeSpan limit, Func<RegionReport, Stream, CancellationToken, Task> write)
    {
        var report = ReportWorkload.Report();
        var sink = new CountingStream();
        await write(report, Stream.Null, CancellationToken.None).ConfigureAwait(false); // warm-up (JIT, fonts)
        var watch = Stopwatch.StartNew();
        await write(report, sink, CancellationToken.None).ConfigureAwait(false);
        watch.Stop();
        return Print(name, watch.Elapsed, limit, $"{sink.Length / 1024.0 / 1024.0:N1} MB written");
    }

    private static int Attribution()
    {
        var outcome = ReportWorkload.Outcome(resources: 1_000_000, regionCount: 20, violatorEvery: 4, measured: true);
        var result = ComplianceAggregator.Aggregate(outcome);
        var resources = result.Resources.Select(r => r.Resource).ToList();
        CostAllocator.Allocate(resources, outcome.Costs); // warm-up

        // Best of three, each after a full collection: the 1,000,000-resource data set makes any gen-2 collection
        // that happens to fall inside a timing cost hundreds of milliseconds on a shared two-core machine.
        var allocation = Timed(() => CostAllocator.Allocate(resources, outcome.Costs), out var allocate);
        var repriced = Timed(() => ComplianceAggregator.Reprice(result, outcome.Costs), out var reprice);
        var gap = Timed(() => AttributionGapReport.From(repriced, GapGrouping.Service), out var report);

        var failures = Print("Allocation, 1,000,000 resources", allocate, TimeSpan.FromSeconds(1), $"{allocation.LineAllocations.Length} lines", memoryLimited: false);
        failures += Print("Re-pricing for another period, 1,000,000 resources", reprice, TimeSpan.FromSeconds(1), "", memoryLimited: false);
        return failures + Print("Gap report by service + fix plan, 1,000,000 resources", report, TimeSpan.FromSeconds(1), $"gap {Money.Format(gap.Overall.Gap.Cents)}", memoryLimited: false);
    }

    private static T Timed<T>(Func<T> work, out TimeSpan best)
    {
        best = TimeSpan.MaxValue;
        T value = default!;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            value = work();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return value;
    }

    private static int Print(string name, TimeSpan elapsed, TimeSpan limit, string detail, bool memoryLimited = true)
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peak = self.PeakWorkingSet64;
        var ok = elapsed <= limit && (!memoryLimited || peak <= MaxPeakBytes);
        var memoryLimit = memoryLimited ? "limit 300 MB" : "no limit; includes the 1,000,000-resource data set";
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {name}: {elapsed.TotalMilliseconds:N0} ms (limit {limit.TotalMilliseconds:N0} ms), peak working set {peak / 1024.0 / 1024.0:N0} MB ({memoryLimit}) {detail}");
        return ok ? 0 : 1;
    }

    /// <summary>Discards what is written, counting bytes.</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
