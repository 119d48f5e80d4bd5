using FinOps.Domain.History;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.History;

/// <summary>Folding one resource's observations into a timeline, each judged by its own scan's policy.</summary>
public sealed class ResourceTimelineTests
{
    private const string Arn = "arn:aws:ec2:eu-west-1:123456789012:instance/i-1";

    private static readonly TaggingPolicy Loose = TaggingPolicyJson.Parse("""
        { "version": "loose", "requiredTags": [ { "key": "CostCenter", "appliesTo": ["ec2:instance"] } ] }
        """);

    private static readonly TaggingPolicy Strict = TaggingPolicyJson.Parse("""
        { "version": "strict", "requiredTags": [ { "key": "CostCenter", "allowedValues": ["CC-200"], "appliesTo": ["ec2:instance"] } ] }
        """);

    private static readonly Dictionary<string, PolicyEvaluator> Judges = new()
    {
        [Loose.ContentHash] = new PolicyEvaluator(Loose),
        [Strict.ContentHash] = new PolicyEvaluator(Strict),
    };

    private static ResourceObservation Seen(int day, TaggingPolicy policy, params Tag[] tags) =>
        new($"scan-{day}", new DateTimeOffset(2026, 3, day, 6, 0, 0, TimeSpan.Zero), policy.ContentHash,
            new CloudResource(Arn, "ec2:instance", "eu-west-1", [.. tags], Name: "web", State: "running"));

    [Fact]
    public void Unchanged_scans_fold_into_one_entry_and_a_policy_change_alone_starts_a_new_one()
    {
        var cc100 = new Tag("CostCenter", "CC-100");
        var observations = new[]
        {
            Seen(5, Strict, cc100, new Tag("Owner", "a")), Seen(4, Strict, cc100, new Tag("Owner", "a")), Seen(3, Loose, new Tag("Owner", "a"), cc100), Seen(2, Loose, cc100, new Tag("Owner", "a")),
            Seen(1, Loose),
        };

        var timeline = ResourceTimeline.Fold(Arn, observations, null, hash => Judges[hash]);

        Assert.Equal([("scan-4", "scan-5"), ("scan-2", "scan-3"), ("scan-1", "scan-1")], timeline.Entries.Select(e => (e.FirstScanId, e.LastScanId)));
        var (strict, tagged, bare) = (timeline.Entries[0], timeline.Entries[1], timeline.Entries[2]);
        Assert.True(strict.PolicyChanged);
        Assert.True(strict.OnlyVerdictChanged);
        Assert.False(strict.Verdict.Compliant);
        Assert.Equal(ViolationKind.InvalidValue, Assert.Single(strict.Violations).Kind);
        Assert.True(tagged.Verdict.Compliant);
        Assert.Equal(2, tagged.Scans);
        Assert.Equal([new TagChange("CostCenter", null, "CC-100"), new TagChange("Owner", null, "a")], tagged.TagChanges.AsEnumerable());
        Assert.True(bare.IsFirst);
        Assert.Equal(ViolationKind.MissingRequiredTag, Assert.Single(bare.Violations).Kind);
        Assert.False(timeline.HasEarlier);
    }

    [Fact]
    public void With_a_baseline_the_oldest_entry_says_what_changed_since_and_history_goes_further_back()
    {
        var stopped = Seen(2, Loose, new Tag("CostCenter", "x"));
        stopped = stopped with { Resource = stopped.Resource with { State = "stopped" } };

        var timeline = ResourceTimeline.Fold(Arn, [stopped], Seen(1, Loose), hash => Judges[hash]);

        var entry = Assert.Single(timeline.Entries);
        Assert.False(entry.IsFirst);
        Assert.True(timeline.HasEarlier);
        Assert.Equal(new ValueChange("running", "stopped"), entry.StateChange);
        Assert.Null(entry.NameChange);
        Assert.Equal([new TagChange("CostCenter", null, "x")], entry.TagChanges.AsEnumerable());
        Assert.Equal(1, timeline.ScansRead);
    }

    [Fact]
    public void No_observation_is_an_empty_timeline()
    {
        Assert.True(ResourceTimeline.Fold(Arn, [], null, hash => Judges[hash]).IsEmpty);
    }
}
