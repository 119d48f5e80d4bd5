using System.Text.Json;
using FinOps.Domain.Costs;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Tests.Integration.AwsFake;
using Microsoft.Extensions.Time.Testing;

namespace FinOps.Tests.Integration.Live;

public sealed class CostExplorerCostSourceTests
{
    private static readonly CostQuery TwoMonths = new(
        new BillingPeriod(new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 1), BillingPeriodKind.Custom), CostMetric.Unblended,
        [UntaggedSpendScope.EveryTaggableService("Environment"), UntaggedSpendScope.EveryTaggableService("Owner")]);

    [Fact]
    public async Task Cost_lines_of_every_page_are_summed_by_service_and_region_in_cents()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var snapshot = await aws.Costs.GetCostsAsync(TwoMonths with { Untagged = [] }, CancellationToken.None);

        Assert.Equal(
            [
                new CostLine("AWS Support (Business)", "global", 20000),
                new CostLine("Amazon Elastic Compute Cloud - Compute", "eu-west-1", 8020),
                new CostLine("Amazon Elastic Compute Cloud - Compute", "us-east-1", 24101),
                new CostLine("Amazon Simple Storage Service", "us-east-1", 667),
                new CostLine("EC2 - Other", "us-east-1", 2401),
                new CostLine("Tax", "global", 3450),
            ],
            snapshot.Lines.ToArray());
        // 14 rows, 3 per page.
        Assert.Equal(5, aws.Fake.Of("ce", "GetCostAndUsage").Count);
        Assert.Equal(("Cost Explorer", TwoMonths.Period), (snapshot.SourceLabel, snapshot.Period));
    }

    [Fact]
    public async Task Requests_ask_for_monthly_spend_of_the_period_grouped_by_service_and_region()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        await aws.Costs.GetCostsAsync(TwoMonths with { Untagged = [] }, CancellationToken.None);

        var first = JsonDocument.Parse(aws.Fake.Of("ce", "GetCostAndUsage")[0].Parameters).RootElement;
        Assert.Equal("2026-09-01", first.GetProperty("TimePeriod").GetProperty("Start").GetString());
        Assert.Equal("2026-11-01", first.GetProperty("TimePeriod").GetProperty("End").GetString());
        Assert.Equal("MONTHLY", first.GetProperty("Granularity").GetString());
        Assert.Equal("UnblendedCost", first.GetProperty("Metrics")[0].GetString());
        Assert.Equal(["SERVICE", "REGION"], first.GetProperty("GroupBy").EnumerateArray().Select(g => g.GetProperty("Key").GetString()));
        Assert.Equal(aws.Fake.Tokens.Issued.ToList(), aws.Fake.Tokens.Received.ToList());
    }

    [Fact]
    public async Task Untagged_spend_per_required_key_is_the_empty_tag_bucket_of_each_region()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var snapshot = await aws.Costs.GetCostsAsync(TwoMonths, CancellationToken.None);

        // Two months summed before rounding; the services of a value in one region are one group; the regions add up
        // to the account's figure; the untaggable tax (NoRegion) is left out.
        Assert.Equal(
            [
                UntaggedSpend.PerRegion(TwoMonths.Untagged[0], [("eu-west-1", 4010), ("us-east-1", 6101)]),
                UntaggedSpend.PerRegion(TwoMonths.Untagged[1], [("eu-west-1", 1500), ("us-east-1", 2500)]),
            ],
            snapshot.UntaggedByTagKey.ToArray());
        Assert.Equal([10111L, 4000L], snapshot.UntaggedByTagKey.Select(u => u.AccountCents));
    }

    [Fact]
    public async Task Untagged_spend_is_asked_for_grouped_by_tag_and_region_one_key_at_a_time()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        await aws.Costs.GetCostsAsync(TwoMonths, CancellationToken.None);

        var tagGroupings = aws.Fake.Of("ce", "GetCostAndUsage").Select(r => JsonDocument.Parse(r.Parameters).RootElement.GetProperty("GroupBy"))
            .Where(g => g[0].GetProperty("Type").GetString() == "TAG")
            .Select(g => string.Join(",", g.EnumerateArray().Select(d => $"{d.GetProperty("Type").GetString()}:{d.GetProperty("Key").GetString()}")))
            .Distinct();
        Assert.Equal(["TAG:Environment,DIMENSION:REGION", "TAG:Owner,DIMENSION:REGION"], tagGroupings);
        Assert.All(aws.Fake.Of("ce", "GetCostAndUsage"), r => Assert.True(r.Verified));
        Assert.Equal(aws.Fake.Tokens.Issued.ToList(), aws.Fake.Tokens.Received.ToList());
    }

    [Fact]
    public async Task The_amortized_metric_is_asked_for_by_name()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var snapshot = await aws.Costs.GetCostsAsync(new CostQuery(BillingPeriod.Month(2026, 10), CostMetric.Amortized, []), CancellationToken.None);

        Assert.Equal(CostMetric.Amortized, snapshot.Metric);
        Assert.Contains(new CostLine("Tax", "global", 1725), snapshot.Lines);
        Assert.Contains("AmortizedCost", aws.Fake.Of("ce", "GetCostAndUsage")[0].Parameters);
    }

    [Fact]
    public async Task The_request_count_is_known_before_a_refresh_and_zero_once_cached()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 23, 0, 0, TimeSpan.Zero));
        await using var aws = await LiveAwsHarness.StartAsync(time: clock);

        var before = aws.Costs.EstimateRequestCount(TwoMonths);
        await aws.Costs.GetCostsAsync(TwoMonths, CancellationToken.None);
        var made = aws.Fake.Of("ce", "GetCostAndUsage").Count;
        var cached = aws.Costs.EstimateRequestCount(TwoMonths);
        clock.Advance(TimeSpan.FromHours(2));
        var nextDay = aws.Costs.EstimateRequestCount(TwoMonths);

        Assert.Equal(3, before);
        Assert.Equal(0, cached);
        Assert.Equal(made, nextDay);
        // 5 pages of lines, then per key its TAG × REGION groups (8 for each key, two months) in pages of 3.
        Assert.Equal(5 + 3 + 3, made);
    }

    [Fact]
    public async Task Costs_are_cached_for_the_billing_day()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 8, 0, 0, TimeSpan.Zero));
        await using var aws = await LiveAwsHarness.StartAsync(time: clock);

        var first = await aws.Costs.GetCostsAsync(TwoMonths, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(15));
        var sameDay = await aws.Costs.GetCostsAsync(TwoMonths, CancellationToken.None);
        var requestsOnDayOne = aws.Fake.Of("ce", "GetCostAndUsage").Count;
        clock.Advance(TimeSpan.FromHours(2));
        var nextDay = await aws.Costs.GetCostsAsync(TwoMonths, CancellationToken.None);

        Assert.Same(first, sameDay);
        Assert.NotSame(first, nextDay);
        Assert.Equal(first.Lines.ToArray(), nextDay.Lines.ToArray());
        Assert.Equal(2 * requestsOnDayOne, aws.Fake.Of("ce", "GetCostAndUsage").Count);
        Assert.Equal(clock.GetUtcNow(), nextDay.AsOf);
    }

    [Fact]
    public async Task Different_queries_are_cached_apart()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        await aws.Costs.GetCostsAsync(TwoMonths, CancellationToken.None);

        Assert.Equal(0, aws.Costs.EstimateRequestCount(TwoMonths));
        Assert.Equal(1, aws.Costs.EstimateRequestCount(TwoMonths with { Untagged = [] }));
        Assert.Equal(3, aws.Costs.EstimateRequestCount(TwoMonths with { Metric = CostMetric.Amortized }));
    }

    [Fact]
    public async Task Concurrent_refreshes_of_one_query_pay_once()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var all = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => aws.Costs.GetCostsAsync(TwoMonths, CancellationToken.None)));

        Assert.All(all, s => Assert.Same(all[0], s));
        Assert.Equal(5 + 3 + 3, aws.Fake.Of("ce", "GetCostAndUsage").Count);
    }

    [Fact]
    public async Task A_request_cost_explorer_throttles_with_limit_exceeded_is_retried_and_the_refresh_succeeds()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For(RegionalCostExplorer, "GetCostAndUsage").Throttle(2);

        var snapshot = await aws.Costs.GetCostsAsync(TwoMonths, CancellationToken.None);

        Assert.Equal(6, snapshot.Lines.Length);
        Assert.Equal(2, snapshot.UntaggedByTagKey.Length);
        var requests = aws.Fake.Of("ce", "GetCostAndUsage");
        // The first page took three attempts (two throttled), every other page one: 11 pages in all.
        Assert.Equal([FaultKind.Throttle, FaultKind.Throttle, null], requests.Take(3).Select(r => r.Fault));
        Assert.Equal(["attempt=1; max=4", "attempt=2; max=4", "attempt=3; max=4"], requests.Take(3).Select(r => r.Attempt));
        Assert.Equal(11 + 2, requests.Count);
        Assert.Equal(requests[0].Parameters, requests[2].Parameters);
    }

    [Fact]
    public async Task Cost_explorer_throttling_that_outlasts_the_retries_is_reported_as_throttling()
    {
        await using var aws = await LiveAwsHarness.StartAsync(o => o.MaxRetries = 2);
        aws.Fake.Faults.For(RegionalCostExplorer, "GetCostAndUsage").Throttle(1_000);

        var failure = await Assert.ThrowsAsync<ResourceSourceException>(() => aws.Costs.GetCostsAsync(TwoMonths, CancellationToken.None));

        Assert.Equal(SourceFailureKind.Transient, failure.Kind);
        Assert.Equal(
            "ce:GetCostAndUsage in us-east-1 was throttled by AWS (LimitExceededException) on every attempt.",
            failure.Message);
        // The first request and its two retries, no more.
        Assert.Equal(3, aws.Fake.Of("ce", "GetCostAndUsage").Count);
    }

    [Fact]
    public async Task Untagged_spend_of_a_key_that_applies_to_types_is_asked_for_over_their_services_only()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        var scope = UntaggedSpendScope.ForTypes("DataClassification", ["s3:bucket", "ec2:snapshot", "ec2:vpc"]);

        var snapshot = await aws.Costs.GetCostsAsync(TwoMonths with { Untagged = [scope] }, CancellationToken.None);

        // Compute, tax and support spend without the key is not the spend DataClassification is required on.
        Assert.Equal([UntaggedSpend.PerRegion(scope, [("us-east-1", 667)])], snapshot.UntaggedByTagKey.ToArray());
        var filters = TagRequests(aws, "DataClassification").Select(r => r.GetProperty("Filter").GetRawText()).Distinct();
        Assert.Equal(["""{"Dimensions":{"Key":"SERVICE","Values":["Amazon Simple Storage Service","EC2 - Other"]}}"""], filters);
        Assert.Equal(aws.Fake.Tokens.Issued.ToList(), aws.Fake.Tokens.Received.ToList());
    }

    [Fact]
    public async Task Untagged_spend_of_a_key_that_applies_to_every_type_leaves_out_tax_support_and_every_untaggable_service()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        var scope = UntaggedSpendScope.EveryTaggableService("DataClassification");

        var snapshot = await aws.Costs.GetCostsAsync(TwoMonths with { Untagged = [scope] }, CancellationToken.None);

        Assert.Equal([UntaggedSpend.PerRegion(scope, [("us-east-1", 10667)])], snapshot.UntaggedByTagKey.ToArray());
        var filter = TagRequests(aws, "DataClassification").Select(r => r.GetProperty("Filter")).First();
        Assert.Equal("SERVICE", filter.GetProperty("Not").GetProperty("Dimensions").GetProperty("Key").GetString());
        Assert.Equal(ResourceCatalogue.UntaggableServices.Order(StringComparer.Ordinal),
            filter.GetProperty("Not").GetProperty("Dimensions").GetProperty("Values").EnumerateArray().Select(v => v.GetString()!));
    }

    [Fact]
    public async Task Narrowed_untagged_spend_never_exceeds_the_spend_of_the_keys_services_in_any_region()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        UntaggedSpendScope[] scopes =
        [
            UntaggedSpendScope.ForTypes("DataClassification", ["s3:bucket", "ec2:volume"]),
            UntaggedSpendScope.EveryTaggableService("Environment"),
            UntaggedSpendScope.ForTypes("Owner", ["ec2:instance"]),
        ];

        var snapshot = await aws.Costs.GetCostsAsync(TwoMonths with { Untagged = [.. scopes] }, CancellationToken.None);

        Assert.All(snapshot.UntaggedByTagKey, u =>
        {
            Assert.Equal(u.CentsByRegion!.Values.Sum(), u.AccountCents);
            Assert.All(u.CentsByRegion!, r => Assert.InRange(r.Value, 0,
                snapshot.Lines.Where(l => l.Region == r.Key && u.Scope.Covers(l.Service)).Sum(l => l.AmountCents)));
        });
        Assert.Equal([667L, 10111L, 1500L], snapshot.UntaggedByTagKey.Select(u => u.AccountCents));
    }

    [Fact]
    public async Task A_key_whose_types_generate_no_cost_is_never_asked_for_and_not_counted()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        var free = UntaggedSpendScope.ForTypes("Owner", ["ec2:vpc", "iam:role"]);
        var query = TwoMonths with { Untagged = [free, UntaggedSpendScope.EveryTaggableService("Environment")] };

        var estimate = aws.Costs.EstimateRequestCount(query);
        var snapshot = await aws.Costs.GetCostsAsync(query, CancellationToken.None);

        Assert.Equal(2, estimate);
        Assert.Empty(TagRequests(aws, "Owner"));
        Assert.Equal(5 + 3, aws.Fake.Of("ce", "GetCostAndUsage").Count);
        Assert.Equal(UntaggedSpend.PerRegion(free, []), snapshot.UntaggedByTagKey[0]);
    }

    [Fact]
    public async Task The_same_keys_over_other_services_are_another_query()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        var narrow = TwoMonths with { Untagged = [UntaggedSpendScope.ForTypes("Owner", ["s3:bucket"])] };

        await aws.Costs.GetCostsAsync(narrow, CancellationToken.None);

        Assert.Equal(0, aws.Costs.EstimateRequestCount(narrow));
        Assert.Equal(2, aws.Costs.EstimateRequestCount(TwoMonths with { Untagged = [UntaggedSpendScope.EveryTaggableService("Owner")] }));
    }

    private static List<JsonElement> TagRequests(LiveAwsHarness aws, string tagKey) =>
    [
        .. aws.Fake.Of("ce", "GetCostAndUsage").Select(r => JsonDocument.Parse(r.Parameters).RootElement)
            .Where(r => r.GetProperty("GroupBy")[0].GetProperty("Type").GetString() == "TAG"
                        && r.GetProperty("GroupBy")[0].GetProperty("Key").GetString() == tagKey),
    ];

    private const string RegionalCostExplorer = "us-east-1";
}
