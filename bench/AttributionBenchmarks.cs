using BenchmarkDotNet.Attributes;
using FinOps.Domain.Costs;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Bench;

/// <summary>Cost attribution for 1,000,000 resources (target ≤ 1 s): allocation alone, and the whole attribution (aggregate + gap report + fix plan).</summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class AttributionBenchmarks
{
    private ScanOutcome _outcome = null!;
    private List<CloudResource> _resources = null!;
    private ComplianceResult _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        _outcome = ReportWorkload.Outcome(resources: 1_000_000, regionCount: 20, violatorEvery: 4, measured: true);
        _result = ComplianceAggregator.Aggregate(_outcome);
        _resources = [.. _result.Resources.Select(r => r.Resource)];
    }

    [Benchmark]
    public CostAllocation Allocate() => CostAllocator.Allocate(_resources, _outcome.Costs);

    [Benchmark]
    public ComplianceResult Reprice() => ComplianceAggregator.Reprice(_result, _outcome.Costs);

    [Benchmark]
    public AttributionGapReport GapReportByService() => AttributionGapReport.From(_result, GapGrouping.Service);
}
