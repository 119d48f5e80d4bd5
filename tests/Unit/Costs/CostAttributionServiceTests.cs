using FinOps.Domain.Costs;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using Microsoft.Extensions.Time.Testing;

namespace FinOps.Tests.Unit.Costs;

public sealed class CostAttributionServiceTests
{
    private static readonly CloudResource Fn = CostScenario.Resource("lambda:function", "us-east-1", 1, []);
    private static readonly CostScenario Scenario = CostScenario.Empty("us-east-1", "eu-west-1")
        .With(Fn).With(CostScenario.Lambda, "us-east-1", 1_000);

    private sealed class RecordingCostSource(Func<CostQuery, CostSnapshot> answer) : ICostSource
    {
        public List<CostQuery> Queries { get; } = [];

        public Task<CostSnapshot> GetCostsAsync(CostQuery query, CancellationToken cancellationToken)
        {
            Queries.Add(query);
            return Task.FromResult(answer(query));
        }

        public int EstimateRequestCount(CostQuery query) => 2;
    }

    private static (CostAttributionService Service, RecordingCostSource Source) Create(long septemberCents = 4_000)
    {
        var source = new RecordingCostSource(q => new CostSnapshot(q.Period, q.Metric,
            [new CostLine(CostScenario.Lambda, "us-east-1", septemberCents)], new Dictionary<string, long>(), [], CostScenario.Now, "Test costs"));
        return (new CostAttributionService(source, new FakeTimeProvider(CostScenario.Now)), source);
    }

    [Fact]
    public async Task Another_period_refetches_spend_and_reprices_the_same_resources_without_rescanning()
    {
        var (service, source) = Create();
        var result = Scenario.Build();

        var report = await service.GetGapAsync(result, new AttributionGapQuery(Period: BillingPeriod.Month(2026, 9)), CancellationToken.None);

        var query = Assert.Single(source.Queries);
        Assert.Equal(BillingPeriod.Month(2026, 9), query.Period);
        Assert.Equal(["CostCenter", "Owner", "DataClassification"], query.UntaggedTagKeys.ToArray());
        Assert.Equal(UntaggedSpendScope.ForPolicy(result.Policy).ToArray(), query.Untagged.ToArray());
        Assert.Equal([CostScenario.Rds, CostScenario.S3], query.Untagged[2].Services.ToArray());
        Assert.Equal(4_000, report.Overall.Gap.Cents);
        Assert.Equal("September 2026", report.Period.Label);
        Assert.Equal(1_000, result.Costs.GapCents);
    }

    [Fact]
    public async Task The_scans_own_period_and_metric_need_no_request()
    {
        var (service, source) = Create();
        var result = Scenario.Build();

        var report = await service.GetGapAsync(result, new AttributionGapQuery(Period: CostScenario.October, Metric: CostMetric.Unblended), CancellationToken.None);

        Assert.Empty(source.Queries);
        Assert.Equal(0, service.EstimateRequestCount(result, CostScenario.October, null));
        Assert.Equal(2, service.EstimateRequestCount(result, null, CostMetric.Amortized));
        Assert.Equal(1_000, report.Overall.Gap.Cents);
    }

    [Fact]
    public async Task Another_metric_is_fetched_for_the_same_period()
    {
        var (service, source) = Create();

        var report = await service.GetGapAsync(Scenario.Build(), new AttributionGapQuery(Metric: CostMetric.Amortized), CancellationToken.None);

        Assert.Equal(CostMetric.Amortized, Assert.Single(source.Queries).Metric);
        Assert.Equal(CostMetric.Amortized, report.Metric);
    }

    [Fact]
    public async Task A_region_filter_narrows_totals_and_names_regions_the_scan_did_not_cover()
    {
        var (service, _) = Create();
        var result = Scenario.With(CostScenario.Lambda, "eu-west-1", 500).Build();

        var report = await service.GetGapAsync(result, new AttributionGapQuery(Regions: ["eu-west-1", "mars-north-1"]), CancellationToken.None);

        Assert.Equal(500, report.Overall.Total.Cents);
        Assert.Equal(["eu-west-1", "mars-north-1"], report.Regions.ToArray());
        Assert.Contains(report.Notes, n => n.Contains("mars-north-1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_period_is_the_last_complete_month_of_the_time_provider()
    {
        var (service, _) = Create();

        Assert.Equal(CostScenario.October, service.DefaultPeriod);
        Assert.True(service.TryParsePeriod("month-to-date", out var mtd, out _));
        Assert.Equal(new BillingPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 26), BillingPeriodKind.MonthToDate), mtd);
    }
}
