using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using FinOps.Domain.Costs;
using FinOps.Domain.History;
using FinOps.Domain.Notifications;
using FinOps.Domain.Owners;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.Schedules;

namespace FinOps.Bench;

/// <summary>
/// The digests target: after a scheduled run over 1,000,000 resources owned by 10,000 owners (10,900 owner tag values,
/// 1,000 of them folded into 100 teams, the rest owners by the tag, and the fallback owner of untagged resources), building every owner's digest and the FinOps summary
/// (the owner reports now and before, one pass over the violations and over a drift of 100,000 changed resources) and
/// judging them by the rules takes ≤ 5 s. <c>dotnet run -c Release --project bench -- digests</c>. Exits non-zero when
/// the median of the repetitions misses.
/// </summary>
public static class DigestHarness
{
    private const int Resources = 1_000_000;
    private const int Owners = 10_000;
    private const int OwnerTags = 10_900;
    private const int Repetitions = 5;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(5);

    private static readonly TaggingPolicy Policy = TaggingPolicyJson.Parse("""
        {
          "version": "bench-digests",
          "requiredTags": [
            { "key": "CostCenter", "allowedValues": ["CC-100", "CC-200", "CC-300"] },
            { "key": "Owner", "pattern": "[a-z]+@example\\.com" },
            { "key": "Environment", "allowedValues": ["production", "staging", "development"] }
          ]
        }
        """);

    public static int Run()
    {
        var build = Stopwatch.StartNew();
        var result = ComplianceAggregator.Aggregate(Outcome());
        var options = new OwnersOptions { Fallback = { [OwnerDirectory.DefaultFallback] = "finops@example.com" } };
        for (var t = 0; t < 100; t++)
        {
            options.Teams[$"team-{t}"] = new OwnerTeamOptions
            {
                Email = $"team{Name(t)}@example.com",
                Members = [.. Enumerable.Range(0, 10).Select(k => OwnerTag(t * 10 + k))],
            };
        }

        var changed = result.Resources.Where((_, i) => i % 10 == 0).ToList();
        var drift = new DriftReport(null!, null!, [.. changed.Select(r => new ResourceDrift(r.Arn, r.Type, r.Region, r.Resource.Name,
            ResourceDriftKind.Changed, [], r.Violations, [], 0, r.CostAtStakeCents))]);
        var run = new ScheduledRun("bench", "Bench", result.AsOf, false, ScanScope.Everything, result.ScanId, "before", result);
        var rules = new NotificationRules(OnlyWhenWorse: false, MinimumSpendCents: 100);
        build.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Digests: {result.Summary.TotalResources:N0} resources, {result.ViolationsByCost.Length:N0} violations, {drift.Resources.Length:N0} changed; " +
            $"workload built in {build.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores"));

        var times = new List<TimeSpan>();
        for (var i = 0; i < Repetitions + 1; i++)
        {
            // A fresh directory each time: the owner names are resolved from nothing, as on a new run.
            var directory = OwnerDirectory.Create(options);
            var watch = Stopwatch.StartNew();
            var now = OwnerReport.From(result, directory);
            var before = OwnerReport.From(result, directory);
            var digests = DigestBuilder.Build(run, now, before, drift, rules);
            var sent = digests.ToSend.Count();
            var summary = digests.SendSummary;
            watch.Stop();
            if (i == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {digests.Owners.Length:N0} owner digests ({sent:N0} to send), summary {(summary ? "sent" : "silent")} with {digests.Summary.NewViolations.Length:N0} new violations (warm-up {watch.Elapsed.TotalMilliseconds:N0} ms)"));
                if (digests.Owners.Length < Owners)
                {
                    Console.WriteLine("  FAIL: the workload does not have the owners it should");
                    return 1;
                }

                continue;
            }

            times.Add(watch.Elapsed);
        }

        times.Sort();
        var median = times[times.Count / 2];
        var ok = median <= Target;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  build every digest and the summary: median {median.TotalMilliseconds:N0} ms, worst {times[^1].TotalMilliseconds:N0} ms (target ≤ {Target.TotalSeconds:0} s) {(ok ? "PASS" : "FAIL")}"));
        return ok ? 0 : 1;
    }

    private static string OwnerTag(int owner) => $"owner{Name(owner)}@example.com";

    /// <summary>A number in letters (the policy's owner pattern takes letters only).</summary>
    private static string Name(int n)
    {
        Span<char> letters = stackalloc char[4];
        for (var k = 3; k >= 0; k--)
        {
            letters[k] = (char)('a' + n % 26);
            n /= 26;
        }

        return new string(letters);
    }

    private static ScanOutcome Outcome()
    {
        var regions = ReportWorkload.Regions(20);
        string[] types = ["ec2:instance", "ec2:volume", "lambda:function", "rds:db", "dynamodb:table"];
        var evaluator = new PolicyEvaluator(Policy);
        var evaluations = new ResourceEvaluation[Resources];
        var tags = Enumerable.Range(0, OwnerTags).Select(o => new Tag("Owner", OwnerTag(o))).ToArray();
        for (var i = 0; i < Resources; i++)
        {
            var region = regions[i % regions.Length];
            var type = types[i / regions.Length % types.Length];
            var arn = $"arn:aws:{type.Split(':')[0]}:{region}:123456789012:{type.Split(':')[1]}/res-{i:D8}";
            ImmutableArray<Tag> resourceTags = (i % 4) switch
            {
                0 => [tags[i / 4 % OwnerTags], new("CostCenter", "CC-9")],
                1 => [tags[i / 4 % OwnerTags]],
                2 => [],
                _ => [tags[i / 4 % OwnerTags], new("CostCenter", "CC-100"), new("Environment", "production")],
            };
            var resource = new CloudResource(arn, type, region, resourceTags, $"resource-{i}");
            var (verdict, violations) = evaluator.Evaluate(resource);
            evaluations[i] = new ResourceEvaluation(resource, verdict, violations);
        }

        var lines = regions
            .SelectMany(r => types.Select(t => ResourceCatalogue.Get(t).CostService!).Distinct().Select((s, k) => new CostLine(s, r, 10_000_000 + k * 1_234_567L)))
            .ToImmutableArray();
        var at = new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
        var snapshot = new CostSnapshot(BillingPeriod.Month(2026, 11), CostMetric.Unblended, lines, new Dictionary<string, long>(), [], at, "Bench costs");
        return new ScanOutcome(
            "bench-digests", ScanRequest.Default, "bench", at.AddMinutes(-1), at,
            new AccountDescription("sample", "Sample account", "123456789012"), Policy, ResourceCatalogue.CostGenerating,
            evaluations,
            [.. regions.Select(r => new RegionScanOutcome(r, RegionScanStatus.Succeeded, null, 0, Resources / regions.Length, TimeSpan.FromSeconds(1)))],
            null, [],
            new RegionDiscoveryResult([.. regions.Select(r => new FinOps.Domain.Ports.RegionInfo(r, OptInStatus.OptInNotRequired))], regions, false, null, at),
            [], snapshot);
    }
}
