using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinOps.Domain.Costs;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using Microsoft.Extensions.Logging;

namespace FinOps.Aws.Live;

/// <summary>
/// Spend from Cost Explorer GetCostAndUsage (us-east-1, signed for <c>ce</c>): MONTHLY over the period grouped by
/// SERVICE and REGION, and per required tag key the untagged bucket per region (GroupBy TAG and REGION, tag value
/// <c>key$</c>) filtered on the SERVICE dimension to the key's scope, every page. Cost Explorer groups by at most two
/// dimensions, so each key needs requests of its own; a key whose types generate no cost needs none.
/// Each request costs the account USD 0.01, so answers are kept per query for the billing day (UTC) and the number
/// of requests a refresh will make is known, and logged, before it is made.
/// </summary>
public sealed partial class CostExplorerCostSource(RegionalClientFactory clients, TimeProvider time, ILogger<CostExplorerCostSource> logger)
    : ICostSource, IDisposable
{
    /// <summary>The JSON 1.1 target of GetCostAndUsage.</summary>
    public const string GetCostAndUsageTarget = "AWSInsightsIndexService.GetCostAndUsage";

    /// <summary>The source label of the snapshots.</summary>
    public const string SourceLabel = "Cost Explorer";

    private readonly ConcurrentDictionary<CostQuery, CachedCosts> _cache = new();
    private readonly ConcurrentDictionary<CostQuery, int> _lastRequestCounts = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);

    public int EstimateRequestCount(CostQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (TryCached(query, out _))
        {
            return 0;
        }

        // One page per grouping at least; the same query's last refresh knows how many pages it really took.
        return _lastRequestCounts.TryGetValue(query, out var known) ? known : 1 + MeasuredScopes(query).Count();
    }

    public async Task<CostSnapshot> GetCostsAsync(CostQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (TryCached(query, out var cached))
        {
            return cached;
        }

        // One refresh at a time: two pages asking at once must not pay twice.
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryCached(query, out cached))
            {
                return cached;
            }

            var billingDay = BillingDay();
            var estimate = EstimateRequestCount(query);
            LogRefresh(logger, query.Period, estimate);
            var requests = 0;
            var lines = await ServiceRegionLinesAsync(query, () => requests++, cancellationToken).ConfigureAwait(false);
            var untagged = ImmutableArray.CreateBuilder<UntaggedSpend>();
            foreach (var scope in query.Untagged.IsDefault ? [] : query.Untagged)
            {
                untagged.Add(scope.MeasuresNothing
                    ? UntaggedSpend.PerRegion(scope, [])
                    : await UntaggedSpendAsync(query, scope, () => requests++, cancellationToken).ConfigureAwait(false));
            }

            var snapshot = new CostSnapshot(query.Period, query.Metric, lines, new Dictionary<string, long>(), untagged.ToImmutable(),
                time.GetUtcNow(), SourceLabel);
            _cache[query] = new CachedCosts(billingDay, snapshot);
            _lastRequestCounts[query] = requests;
            LogRefreshed(logger, query.Period, requests);
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>Dollars (Cost Explorer's decimal strings) to integer cents, half away from zero.</summary>
    public static long ToCents(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>Cost Explorer's REGION value → region code, or <c>global</c> for spend without a region.</summary>
    public static string RegionOf(string? costExplorerRegion) =>
        string.IsNullOrWhiteSpace(costExplorerRegion) || costExplorerRegion is "NoRegion" or "global"
            ? ResourceCatalogue.GlobalRegion
            : costExplorerRegion;

    /// <summary>
    /// The Cost Explorer filter (an Expression) that narrows spend to a scope: its services, or every service but the
    /// untaggable ones.
    /// </summary>
    public static JsonObject ServiceFilter(UntaggedSpendScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.MeasuresNothing)
        {
            throw new ArgumentException($"'{scope.TagKey}' has no services to measure: a SERVICE filter names at least one.", nameof(scope));
        }

        var services = scope.CoversEveryTaggableService ? UntaggedSpendScope.UntaggableServices : scope.Services;
        var dimension = new JsonObject
        {
            ["Dimensions"] = new JsonObject
            {
                ["Key"] = "SERVICE",
                ["Values"] = new JsonArray([.. services.Select(s => (JsonNode)JsonValue.Create(s))]),
            },
        };
        return scope.CoversEveryTaggableService ? new JsonObject { ["Not"] = dimension } : dimension;
    }

    private static IEnumerable<UntaggedSpendScope> MeasuredScopes(CostQuery query) =>
        query.Untagged.IsDefault ? [] : query.Untagged.Where(s => !s.MeasuresNothing);

    private async Task<ImmutableArray<CostLine>> ServiceRegionLinesAsync(CostQuery query, Action counted, CancellationToken cancellationToken)
    {
        var sums = await SumByRegionAsync(query, ("DIMENSION", "SERVICE"), null, static _ => true, counted, cancellationToken).ConfigureAwait(false);
        return
        [
            .. sums.Select(s => new CostLine(s.Key.First, s.Key.Region, ToCents(s.Value)))
                .Where(l => l.AmountCents != 0)
                .OrderBy(l => l.Service, StringComparer.Ordinal)
                .ThenBy(l => l.Region, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// One grouping per key, by TAG and REGION (Cost Explorer allows two), filtered to the key's services: group keys
    /// look like <c>["Owner$", "eu-west-1"]</c>, where <c>key$</c> with nothing after the <c>$</c> is the untagged bucket.
    /// </summary>
    private async Task<UntaggedSpend> UntaggedSpendAsync(CostQuery query, UntaggedSpendScope scope, Action counted, CancellationToken cancellationToken)
    {
        var untaggedBucket = scope.TagKey + "$";
        var sums = await SumByRegionAsync(query, ("TAG", scope.TagKey), ServiceFilter(scope), bucket => bucket == untaggedBucket, counted,
            cancellationToken).ConfigureAwait(false);
        return UntaggedSpend.PerRegion(scope, sums.Select(s => (s.Key.Region, ToCents(s.Value))));
    }

    /// <summary>
    /// Amounts grouped by <paramref name="first"/> and REGION, summed over every page and month (so a multi-month period
    /// rounds once per group), narrowed by <paramref name="filter"/> when given; groups whose first key
    /// <paramref name="keep"/> rejects are skipped.
    /// </summary>
    private async Task<Dictionary<(string First, string Region), decimal>> SumByRegionAsync(CostQuery query, (string Type, string Key) first,
        JsonObject? filter, Func<string, bool> keep, Action counted, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<(string First, string Region), decimal>();
        await foreach (var group in GroupsAsync(query, [first, ("DIMENSION", "REGION")], filter, counted, cancellationToken).ConfigureAwait(false))
        {
            if (group.Keys.Count >= 2 && keep(group.Keys[0]))
            {
                var key = (group.Keys[0], RegionOf(group.Keys[1]));
                sums[key] = sums.GetValueOrDefault(key) + group.Amount;
            }
        }

        return sums;
    }

    private async IAsyncEnumerable<CostGroup> GroupsAsync(CostQuery query, (string Type, string Key)[] groupBy, JsonObject? filter, Action counted,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = clients.CostExplorer();
        var metric = MetricName(query.Metric);
        string? token = null;
        do
        {
            var body = new JsonObject
            {
                ["TimePeriod"] = new JsonObject
                {
                    ["Start"] = query.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["End"] = query.Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                },
                ["Granularity"] = "MONTHLY",
                ["Metrics"] = new JsonArray(metric),
                ["GroupBy"] = new JsonArray([.. groupBy.Select(g => (JsonNode)new JsonObject { ["Type"] = g.Type, ["Key"] = g.Key })]),
            };
            if (filter is not null)
            {
                // Every page repeats the same filter: a token is only valid for the request that issued it.
                body["Filter"] = filter.DeepClone();
            }

            if (token is not null)
            {
                body["NextPageToken"] = token;
            }

            counted();
            var page = await AwsErrorMapping.RunAsync(AwsCalls.GetCostAndUsage, RegionalClientFactory.CostExplorerRegion,
                ct => client.InvokeAsync(GetCostAndUsageTarget, body, ct), cancellationToken).ConfigureAwait(false);
            foreach (var group in ParseGroups(page, metric))
            {
                yield return group;
            }

            token = page.TryGetProperty("NextPageToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (!string.IsNullOrEmpty(token));
    }

    private static List<CostGroup> ParseGroups(JsonElement page, string metric)
    {
        var groups = new List<CostGroup>();
        if (!page.TryGetProperty("ResultsByTime", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            return groups;
        }

        foreach (var result in results.EnumerateArray())
        {
            if (!result.TryGetProperty("Groups", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var item in items.EnumerateArray())
            {
                var keys = item.TryGetProperty("Keys", out var k) && k.ValueKind == JsonValueKind.Array
                    ? k.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
                    : [];
                var amount = item.TryGetProperty("Metrics", out var metrics)
                             && metrics.TryGetProperty(metric, out var value)
                             && value.TryGetProperty("Amount", out var amountText)
                             && decimal.TryParse(amountText.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : 0m;
                groups.Add(new CostGroup(keys, amount));
            }
        }

        return groups;
    }

    private static string MetricName(CostMetric metric) => metric == CostMetric.Amortized ? "AmortizedCost" : "UnblendedCost";

    private DateOnly BillingDay() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private bool TryCached(CostQuery query, out CostSnapshot snapshot)
    {
        if (_cache.TryGetValue(query, out var cached) && cached.BillingDay == BillingDay())
        {
            snapshot = cached.Snapshot;
            return true;
        }

        snapshot = null!;
        return false;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information,
        Message = "Cost Explorer refresh for {Period} will make {Requests} request(s) (USD 0.01 each)")]
    private static partial void LogRefresh(ILogger logger, BillingPeriod period, int requests);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Cost Explorer refresh for {Period} made {Requests} request(s)")]
    private static partial void LogRefreshed(ILogger logger, BillingPeriod period, int requests);

    private sealed record CachedCosts(DateOnly BillingDay, CostSnapshot Snapshot);

    private sealed record CostGroup(IReadOnlyList<string> Keys, decimal Amount);
}
