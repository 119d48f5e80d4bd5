using System.Diagnostics;
using System.Globalization;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Bench;

/// <summary>
/// The violations-grid target: with a 100,000-resource result, one page fetch (<see cref="ViolationQuery.Page"/>,
/// what the grid's server-data callback runs) takes ≤ 50 ms. <c>dotnet run -c Release --project bench -- violations</c>.
/// Two results: the sample account's 100,000 resources (every type), and one large enough to hold over 100,000
/// violations. For each: the first and last page, sorted pages, pages of a filter already in use, and the first page of
/// a filter never asked before (one pass over every violation), each after a warm-up; median, p95 and worst of the
/// repetitions, plus the one-off cost of building a sort order or a region view. Exits non-zero when a p95 misses.
/// </summary>
public static class ViolationPageHarness
{
    private const int PageSize = 25;
    private const int Repetitions = 200;
    private const int NewFilters = 200;
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(50);

    /// <summary>Every catalogue type (free ones too), so the whole sample account is in the result.</summary>
    private static readonly ScanRequest EveryType = new([.. ResourceCatalogue.All.Select(t => t.Name)], []);

    public static async Task<int> RunAsync()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Violations page fetch: {PageSize} rows per page, {Repetitions} repetitions per case, {Environment.ProcessorCount} cores"));
        var failures = await ScenarioAsync("100,000-resource result (every type)", 100_000, EveryType).ConfigureAwait(false);
        failures += await ScenarioAsync("result with over 100,000 violations (default request)", 200_000, ScanRequest.Default).ConfigureAwait(false);
        return failures;
    }

    private static async Task<int> ScenarioAsync(string label, int size, ScanRequest request)
    {
        ComplianceResult result;
        var scan = Stopwatch.StartNew();
        await using (var workload = ScanWorkload.Create(ScanWorkload.SampleSettings(size, pageSize: 1000, latencyMilliseconds: 0)))
        {
            result = await workload.ScanAsync(request).ConfigureAwait(false);
        }

        scan.Stop();
        var ranking = Stopwatch.StartNew();
        var total = result.ViolationsByCost.Length;
        ranking.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {result.Summary.TotalResources:N0} resources, {total:N0} violations (scan {scan.Elapsed.TotalSeconds:0.0} s; " +
            $"cost ranking built once per result: {ranking.Elapsed.TotalMilliseconds:N0} ms)"));

        foreach (var sort in new[] { ViolationSort.Region, ViolationSort.ResourceName })
        {
            var build = Stopwatch.StartNew();
            ViolationQuery.Page(result, ViolationFilter.None, sort, false, 0, PageSize);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  one-off: first {sort} sort (kept per result and order): {build.Elapsed.TotalMilliseconds:N0} ms"));
        }

        var view = Stopwatch.StartNew();
        var narrowed = result.ForRegions(["eu-west-1", "us-east-1"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one-off: region view eu-west-1 + us-east-1 (shared by every user of that filter): {view.Elapsed.TotalMilliseconds:N0} ms"));

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var index = Stopwatch.StartNew();
        _ = result.TextIndex;
        index.Stop();
        var indexBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one-off: free-text index of the resources with violations (built on the first search): {index.Elapsed.TotalMilliseconds:N0} ms, " +
            $"{indexBytes / 1024.0 / 1024.0:0.0} MB allocated while building ({(double)indexBytes / result.Summary.TotalResources:N0} bytes per resource of the result)"));

        var lastPage = (total - 1) / PageSize * PageSize;
        var prod = new ViolationFilter(Text: "prod");
        var combined = new ViolationFilter(["ec2:instance", "rds:db", "s3:bucket"], ["CostCenter", "Owner"],
            [ViolationKind.MissingRequiredTag, ViolationKind.InvalidValue], Severity.Error, "web");
        var kinds = ViolationFilter.None with { Kinds = [ViolationKind.InvalidFormat] };
        var none = ViolationFilter.None;

        var failures = 0;
        failures += Measure("first page, default order (cost at stake)", _ => ViolationQuery.Page(result, none, ViolationSort.CostAtStake, true, 0, PageSize));
        failures += Measure($"last page (offset {lastPage:N0})", _ => ViolationQuery.Page(result, none, ViolationSort.CostAtStake, true, lastPage, PageSize));
        failures += Measure("page 1,000 by region ascending", _ => ViolationQuery.Page(result, none, ViolationSort.Region, false, 1_000 * PageSize, PageSize));
        failures += Measure("first page by resource name", _ => ViolationQuery.Page(result, none, ViolationSort.ResourceName, false, 0, PageSize));
        failures += Measure("text 'prod', pages 1–200 (filter in use)", i => ViolationQuery.Page(result, prod, ViolationSort.CostAtStake, true, i % 200 * PageSize, PageSize));
        failures += Measure("kind invalid_format by tag key (filter in use)", _ => ViolationQuery.Page(result, kinds, ViolationSort.TagKey, false, 0, PageSize));
        failures += Measure($"region view, first page ({narrowed.ViolationsByCost.Length:N0} violations)", _ => ViolationQuery.Page(narrowed, none, ViolationSort.CostAtStake, true, 0, PageSize));

        // A filter nobody asked for yet (e.g. each debounced keystroke of a search): one pass over every violation.
        failures += Measure("new text filter, first page (one pass)", i => ViolationQuery.Page(result, new ViolationFilter(Text: $"-{i % NewFilters}"), ViolationSort.CostAtStake, true, 0, PageSize), NewFilters);
        failures += Measure("new type+tag+kind+severity+text filter (one pass)", i => ViolationQuery.Page(result, combined with { Text = $"{i % NewFilters}" }, ViolationSort.CostAtStake, true, 0, PageSize), NewFilters);
        failures += Measure("new text filter by region (one pass)", i => ViolationQuery.Page(result, new ViolationFilter(Text: $"{i % NewFilters}-"), ViolationSort.Region, false, 0, PageSize), NewFilters);
        return failures;
    }

    private static int Measure(string name, Func<int, ViolationPage> fetch, int repetitions = Repetitions)
    {
        var page = fetch(repetitions); // warm-up (JIT; for a new-filter case, a filter outside the timed ones)
        var times = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            page = fetch(i);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        var median = times[repetitions / 2];
        var p95 = times[(int)Math.Ceiling(repetitions * 0.95) - 1];
        var ok = p95 <= Target.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {(ok ? "ok  " : "MISS")} {name}: median {median:0.000} ms, p95 {p95:0.000} ms, worst {times[^1]:0.000} ms " +
            $"(target ≤ {Target.TotalMilliseconds:0} ms; last: {page.Items.Length} rows of {page.TotalCount:N0})"));
        return ok ? 0 : 1;
    }
}
