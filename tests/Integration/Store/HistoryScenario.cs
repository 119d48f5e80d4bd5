using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.History;
using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.State;

namespace FinOps.Tests.Integration.Store;

/// <summary>
/// A generated account scanned several times, folded in memory exactly as the product folds it: each step's
/// <see cref="ScanOutcome"/> is applied to the <see cref="AccountState"/>, the whole-account view is aggregated, and the
/// archive is built by <see cref="ScanArchiveBuilder"/> — what the store is given and must give back.
/// </summary>
public sealed class HistoryScenario
{
    public const string PolicyJson = """
        {
          "version": "store-test",
          "requiredTags": [
            { "key": "CostCenter", "allowedValues": ["CC-100", "CC-200"],
              "appliesTo": ["ec2:instance", "rds:db", "s3:bucket", "cloudfront:distribution"] }
          ],
          "optionalTags": [],
          "rules": { "caseSensitiveKeys": true, "caseSensitiveValues": true, "maxKeyLength": 128, "maxValueLength": 256 }
        }
        """;

    public static readonly string[] Regions = ["eu-west-1", "us-east-1", "ap-south-1"];

    public static readonly string[] Types = ["ec2:instance", "rds:db", "lambda:function", "s3:bucket", "cloudfront:distribution"];

    private const string AccountId = "123456789012";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    public static TaggingPolicy Policy { get; } = TaggingPolicyJson.Parse(PolicyJson);

    public static PolicyEvaluator Evaluator { get; } = new(Policy);

    private HistoryScenario(ImmutableArray<ScanSnapshot> scans) => Scans = scans;

    /// <summary>Each scan with the state and view right after it, in order.</summary>
    public ImmutableArray<ScanSnapshot> Scans { get; }

    /// <summary>Folds <paramref name="steps"/> over an account holding <paramref name="initial"/> resources (variants of kind, place, tags).</summary>
    public static HistoryScenario Build(IReadOnlyList<int> initial, IReadOnlyList<ScanStep> steps)
    {
        var world = new List<CloudResource>();
        var next = 0;
        foreach (var variant in initial)
        {
            world.Add(NewResource(next++, variant));
        }

        var state = AccountState.Empty;
        var at = Start;
        var scans = ImmutableArray.CreateBuilder<ScanSnapshot>(steps.Count);
        for (var k = 0; k < steps.Count; k++)
        {
            var step = steps[k];
            foreach (var edit in step.Edits)
            {
                Apply(world, edit, ref next);
            }

            var startedAt = at.AddMinutes(1);
            at = at.AddMinutes(1 + step.MinutesLater);
            var outcome = Outcome($"scan-{k + 1}", step, world, startedAt, at);
            var scan = ComplianceAggregator.Aggregate(outcome);
            state = state.Apply(outcome);
            var view = View(state, at);
            scans.Add(new ScanSnapshot(outcome, state, view, ScanArchiveBuilder.Build(scan, view), at));
        }

        return new HistoryScenario(scans.MoveToImmutable());
    }

    /// <summary>The whole-account view of a state (every cost-generating type in every region) as the product builds it.</summary>
    public static ComplianceResult View(AccountState state, DateTimeOffset now) =>
        ComplianceAggregator.AggregateView(state.OutcomeFor(ScanScope.Everything, Evaluator, now));

    private static ScanOutcome Outcome(string scanId, ScanStep step, List<CloudResource> world, DateTimeOffset startedAt, DateTimeOffset completedAt)
    {
        var scope = ScanScope.Parse(step.Regions.IsEmpty ? [] : [.. step.Regions, .. step.IncludeGlobal ? ["global"] : Array.Empty<string>()], step.Types);
        var scanned = scope.CoversEveryRegion ? Regions : [.. scope.Regions.Where(r => r != ResourceCatalogue.GlobalRegion)];
        var hasGlobalTypes = scope.Types.Any(t => t.IsGlobal);
        var globalOk = hasGlobalTypes && !step.GlobalFails;
        var failing = step.FailingRegions.ToHashSet();

        bool Listed(CloudResource r)
        {
            if (!scope.IncludesType(r.Type))
            {
                return false;
            }

            if (r.Region == ResourceCatalogue.GlobalRegion)
            {
                return globalOk && scope.IncludesRegion(ResourceCatalogue.GlobalRegion);
            }

            var regionOk = scanned.Contains(r.Region) && !failing.Contains(r.Region);
            return ResourceCatalogue.IsGlobal(r.Type) ? regionOk && globalOk : regionOk;
        }

        var evaluations = world.Where(Listed).Select(r =>
        {
            var (verdict, violations) = Evaluator.Evaluate(r);
            return new ResourceEvaluation(r, verdict, violations);
        }).ToList();

        var regionOutcomes = scanned.Select(region => failing.Contains(region)
            ? new RegionScanOutcome(region, RegionScanStatus.Failed, $"Access denied in {region}: the identity is not allowed ec2:DescribeInstances", 0, 0, TimeSpan.Zero)
            : new RegionScanOutcome(region, RegionScanStatus.Succeeded, null, 0, evaluations.Count(e => e.Resource.Region == region), TimeSpan.Zero)
              { DataAsOf = completedAt }).ToImmutableArray();
        RegionScanOutcome? global = hasGlobalTypes
            ? globalOk
                ? new RegionScanOutcome(ResourceCatalogue.GlobalRegion, RegionScanStatus.Succeeded, null, 0, 0, TimeSpan.Zero) { DataAsOf = completedAt }
                : new RegionScanOutcome(ResourceCatalogue.GlobalRegion, RegionScanStatus.Failed, "ThrottlingException: rate exceeded (retries exhausted)", 3, 0, TimeSpan.Zero)
            : null;

        var discovery = new RegionDiscoveryResult(
            [.. Regions.Select(r => new RegionInfo(r, OptInStatus.OptInNotRequired)), new RegionInfo("me-south-1", OptInStatus.NotOptedIn)],
            [.. Regions.Order(StringComparer.Ordinal)], false, null, startedAt);
        var costs = step.CostFails ? CostSnapshot.Empty(BillingPeriod.LastCompleteMonth(DateOnly.FromDateTime(completedAt.UtcDateTime)), CostMetric.Unblended, completedAt, "unavailable")
            : Costs(world, step.CostSeed, completedAt);
        return new ScanOutcome(scanId, new ScanRequest(scope), $"key-{scanId}", startedAt, completedAt,
            new AccountDescription("sample", "Sample account", AccountId, "arn:aws:sts::123456789012:assumed-role/FinOpsReadOnly/test"),
            Policy, scope.Types, evaluations, regionOutcomes, global, scope.CoversEveryRegion ? ["me-south-1"] : [], discovery,
            [.. scope.Types.Select(t => new TypeCoverage(t.Name, t.LiveCoverage))], costs)
        {
            CostFailure = step.CostFails ? "Cost Explorer: AccessDeniedException (ce:GetCostAndUsage)" : null,
            ScannableRegions = [.. Regions.Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>Spend of the billing day (a few seeds, so the same snapshot recurs and is stored once).</summary>
    private static CostSnapshot Costs(List<CloudResource> world, int seed, DateTimeOffset at)
    {
        var lines = ImmutableArray.CreateBuilder<CostLine>();
        foreach (var region in Regions.Append(ResourceCatalogue.GlobalRegion))
        {
            foreach (var service in Types.Select(t => ResourceCatalogue.Get(t).CostService!).Distinct().Append("Tax"))
            {
                lines.Add(new CostLine(service, region, ((seed + 3) * 7919 + (region.Length * 131) + (service.Length * 17)) % 250_000));
            }
        }

        var measured = world.Where((r, i) => (i + seed) % 3 == 0).ToDictionary(r => r.Arn, r => (long)((r.Arn.Length * 977 + seed * 13) % 40_000));
        var untagged = ImmutableArray.Create(
            UntaggedSpend.PerRegion(UntaggedSpendScope.EveryTaggableService("CostCenter"), Regions.Select((r, i) => (r, (long)((seed + 1) * (i + 2) * 1_234)))),
            UntaggedSpend.AccountWide(UntaggedSpendScope.ForTypes("Owner", ["ec2:instance", "s3:bucket"]), (seed + 1) * 99_999L));
        var day = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero);
        return new CostSnapshot(BillingPeriod.LastCompleteMonth(DateOnly.FromDateTime(at.UtcDateTime)), CostMetric.Unblended, lines.ToImmutable(),
            measured, untagged, day, "Store test");
    }

    private static void Apply(List<CloudResource> world, AccountEdit edit, ref int next)
    {
        if (edit.Kind == AccountEditKind.Add || world.Count == 0)
        {
            world.Add(NewResource(next++, edit.Variant));
            return;
        }

        var index = edit.Target % world.Count;
        var resource = world[index];
        switch (edit.Kind)
        {
            case AccountEditKind.Retag:
                world[index] = resource with { Tags = TagsOf(edit.Variant) };
                break;
            case AccountEditKind.Restate:
                world[index] = resource with { State = StateOf(edit.Variant) };
                break;
            default:
                world.RemoveAt(index);
                break;
        }
    }

    private static CloudResource NewResource(int n, int variant)
    {
        var type = Types[(variant / 7) % Types.Length];
        var region = type == "cloudfront:distribution" ? ResourceCatalogue.GlobalRegion : Regions[(variant / 3) % Regions.Length];
        var arn = type switch
        {
            "s3:bucket" => $"arn:aws:s3:::bucket-{n}",
            "cloudfront:distribution" => $"arn:aws:cloudfront::{AccountId}:distribution/D{n}",
            _ => $"arn:aws:{type.Split(':')[0]}:{region}:{AccountId}:{type.Split(':')[1]}/r-{n}",
        };
        return new CloudResource(arn, type, region, TagsOf(variant), Name: variant % 2 == 0 ? $"name-{n}" : null,
            CreatedAt: variant % 4 == 0 ? null : Start.AddDays(-n - 1).AddTicks(n * 12_345),
            State: StateOf(variant), VpcId: variant % 5 == 0 ? $"vpc-{n % 3}" : null);
    }

    private static ImmutableArray<Tag> TagsOf(int variant) => (variant % 5) switch
    {
        0 => [],
        1 => [new Tag("CostCenter", "CC-100")],
        2 => [new Tag("CostCenter", "CC-200"), new Tag("Owner", "team-a@example.com")],
        3 => [new Tag("Owner", "x"), new Tag("CostCenter", "CC-999")],
        _ => [new Tag("costcenter", "CC-100"), new Tag("Empty", "")],
    };

    private static string? StateOf(int variant) => (variant % 3) switch
    {
        0 => null,
        1 => "running",
        _ => "stopped",
    };
}
