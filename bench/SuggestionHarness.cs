using System.Diagnostics;
using System.Globalization;
using FinOps.Aws.Sample;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Domain.Suggestions;

namespace FinOps.Bench;

/// <summary>
/// How right tag suggestions are, scored against the sample account's truth (what its generator meant every resource
/// to carry): <c>dotnet run -c Release --project bench -- suggest [--seed 42] [--size 6000] [--latency-size 100000] [--latency-only]</c>.
/// Three sets of cases, over the dashboard's scan (every cost-generating type, every enabled region):
/// <list type="bullet">
/// <item>hidden tags: each required tag a resource carries correctly is hidden from a tenth of the resources at a time
/// (ten folds per key) and suggested back from what the rest of the account shows;</item>
/// <item>hidden tags and names: the same with the resource's name hidden too, so only its neighbours and its other
/// tags speak (how suggestions fare where names follow no convention);</item>
/// <item>real gaps: the scan's own missing and invalid values, as the generator's mistakes left them.</item>
/// </list>
/// Prints top-1 accuracy per tag key and the precision of each confidence level. Exits non-zero when Environment or
/// Application is below 85 % top-1 on hidden tags, or "high" is right less than 90 % of the time in any set. Then,
/// for information, how long one resource's suggestions take in a scan of <c>--latency-size</c> resources (0: skip).
/// </summary>
public static class SuggestionHarness
{
    private const int Folds = 10;
    private const double TopOneTarget = 0.85;
    private const double HighTarget = 0.90;
    private static readonly string[] Keys = ["Environment", "Application", "CostCenter", "Owner", "DataClassification"];
    private static readonly string[] TargetKeys = ["Environment", "Application"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--latency-only"))
        {
            await LatencyAsync(Option(args, "--latency-size", 100_000)).ConfigureAwait(false);
            return 0;
        }

        var seed = Option(args, "--seed", 42);
        var size = Option(args, "--size", 6_000);
        var settings = ScanWorkload.SampleSettings(size, pageSize: 1000, latencyMilliseconds: 0);
        settings["FinOps:Sample:Seed"] = seed.ToString(CultureInfo.InvariantCulture);
        await using var workload = ScanWorkload.Create(settings);
        var result = await workload.ScanAsync().ConfigureAwait(false);
        var truth = await workload.Account.GetTagTruthAsync(CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Tag suggestions against the sample account's truth: seed {seed}, {truth.Count:N0} resources, {result.Resources.Length:N0} in the dashboard's scan"));

        var clock = Stopwatch.StartNew();
        var (hidden, asked) = HiddenTags(result, truth, hideNames: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Hidden tags (each correct required tag hidden from a tenth of the resources at a time, {Folds} folds per key; {asked:N0} resources asked, {clock.Elapsed.TotalMilliseconds / Math.Max(1, asked):0.00} ms each):"));
        hidden.Print(Console.Out);

        clock.Restart();
        var (nameless, namelessAsked) = HiddenTags(result, truth, hideNames: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Hidden tags and names (as above, the resource's name hidden too: neighbours and its other tags only; {namelessAsked:N0} resources asked, {clock.Elapsed.TotalMilliseconds / Math.Max(1, namelessAsked):0.00} ms each):"));
        nameless.Print(Console.Out);

        clock.Restart();
        var (gaps, gapResources) = RealGaps(result, truth);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Real gaps (the scan's missing and invalid values, as the generator's mistakes left them; {gapResources:N0} resources asked, {clock.Elapsed.TotalMilliseconds / Math.Max(1, gapResources):0.00} ms each):"));
        gaps.Print(Console.Out);

        var misses = 0;
        foreach (var key in TargetKeys)
        {
            misses += Check($"{key} top-1 on hidden tags", hidden.TopOne(key), TopOneTarget);
        }

        misses += Check("\"high\" precision on hidden tags", hidden.Precision("high"), HighTarget);
        misses += Check("\"high\" precision on hidden tags and names", nameless.Precision("high"), HighTarget);
        misses += Check("\"high\" precision on real gaps", gaps.Precision("high"), HighTarget);

        if (Option(args, "--latency-size", 100_000) is var latencySize and > 0)
        {
            await LatencyAsync(latencySize).ConfigureAwait(false);
        }

        return misses;
    }

    /// <summary>
    /// How long the resource page waits for suggestions in a large scan: one resource's suggestions read the whole
    /// scan once per broken tag. Informational; no target.
    /// </summary>
    private static async Task LatencyAsync(int size)
    {
        await using var workload = ScanWorkload.Create(ScanWorkload.SampleSettings(size, pageSize: 1000, latencyMilliseconds: 0));
        var result = await workload.ScanAsync().ConfigureAwait(false);
        var violating = result.Resources.Where(r => !r.Violations.IsEmpty).Take(200).ToList();
        var times = new List<double>(violating.Count);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var resource in violating)
        {
            var clock = Stopwatch.StartNew();
            _ = TagSuggester.Suggest(result, resource);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        // Processor time as well as wall time: on a busy machine the wall clock also counts other processes.
        var cpuEach = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, violating.Count);
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Latency: suggestions for {times.Count} violating resources of a {result.Resources.Length:N0}-resource scan: median {times[times.Count / 2]:0.0} ms, p95 {times[(int)(times.Count * 0.95)]:0.0} ms, worst {times[^1]:0.0} ms; processor time {cpuEach:0.0} ms each"));
    }

    /// <summary>Hides each key from one fold of the resources that carry it correctly, and asks for it back.</summary>
    private static (SuggestionScoreboard Board, int Asked) HiddenTags(ComplianceResult result, SampleTagTruth truth, bool hideNames)
    {
        var board = new SuggestionScoreboard();
        var evaluator = result.Evaluator;
        var asked = 0;
        foreach (var key in Keys)
        {
            for (var fold = 0; fold < Folds; fold++)
            {
                var evaluations = new List<ResourceEvaluation>(result.Resources.Length);
                var targets = new List<(string Arn, string Truth)>();
                for (var i = 0; i < result.Resources.Length; i++)
                {
                    var resource = result.Resources[i].Resource;
                    if (i % Folds == fold && resource.TagValue(key) is { } value && value == truth.IntendedValue(resource.Arn, key)
                        && evaluator.RequirementsFor(resource.Type).Any(r => r.Key == key))
                    {
                        resource = hideNames
                            ? resource with { Name = null, Tags = [.. resource.Tags.Where(t => t.Key != key && t.Key != "Name")] }
                            : resource with { Tags = [.. resource.Tags.Where(t => t.Key != key)] };
                        targets.Add((resource.Arn, value));
                    }

                    var (verdict, violations) = evaluator.Evaluate(resource);
                    evaluations.Add(new ResourceEvaluation(resource, verdict, violations));
                }

                var masked = ComplianceAggregator.Aggregate(result.Outcome with { Evaluations = evaluations });
                foreach (var (arn, intended) in targets)
                {
                    var suggestions = TagSuggester.Suggest(masked, masked.Find(arn)!);
                    board.Add(key, intended, [.. suggestions.Where(s => s.TagKey == key && s.Kind == SuggestionKind.SetValue)]);
                    asked++;
                }
            }
        }

        return (board, asked);
    }

    /// <summary>The scan's own missing and invalid values of the keys, scored against what they should be.</summary>
    private static (SuggestionScoreboard Board, int Asked) RealGaps(ComplianceResult result, SampleTagTruth truth)
    {
        var board = new SuggestionScoreboard();
        var asked = 0;
        foreach (var resource in result.Resources)
        {
            var gaps = resource.Violations
                .Where(v => Keys.Contains(v.TagKey) && v.Kind is ViolationKind.MissingRequiredTag or ViolationKind.InvalidValue or ViolationKind.InvalidFormat)
                .Select(v => v.TagKey).Distinct().ToList();
            if (gaps.Count == 0)
            {
                continue;
            }

            var suggestions = TagSuggester.Suggest(result, resource);
            asked++;
            foreach (var key in gaps)
            {
                if (truth.IntendedValue(resource.Arn, key) is { } intended)
                {
                    board.Add(key, intended, [.. suggestions.Where(s => s.TagKey == key && s.Kind == SuggestionKind.SetValue)]);
                }
            }
        }

        return (board, asked);
    }

    private static int Check(string what, double? measured, double target)
    {
        var met = measured is null || measured >= target;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(met ? "met   " : "MISSED")} {what}: {(measured is { } m ? $"{100 * m:0.0} %" : "none shown")} (target ≥ {100 * target:0} %)"));
        return met ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
    }
}
