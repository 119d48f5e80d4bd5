using BenchmarkDotNet.Attributes;
using FinOps.Domain.Reports;

namespace FinOps.Bench;

/// <summary>Report writers for 20 regions and 100,000 violations (targets: XLSX ≤ 2 s, PDF ≤ 3 s, peak memory ≤ 300 MB; the harness measures peak memory).</summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class ReportBenchmarks
{
    private RegionReport _report = null!;

    [GlobalSetup]
    public void Setup() => _report = ReportWorkload.Report();

    [Benchmark]
    public Task Xlsx() => ReportXlsxWriter.WriteAsync(_report, Stream.Null, CancellationToken.None);

    [Benchmark]
    public Task Pdf() => ReportPdfWriter.WriteAsync(_report, Stream.Null, CancellationToken.None);

    [Benchmark]
    public Task ViolationsCsv() => ReportCsvWriter.WriteViolationsAsync(_report.Violations, ViolationColumns.All, Stream.Null, CancellationToken.None);
}
