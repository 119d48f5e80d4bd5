using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.Suggestions;
using FinOps.Tests.Unit.Costs;

namespace FinOps.Tests.Unit.Suggestions;

public sealed class TagSuggesterTests
{
    private const string Region = "us-east-1";

    [Fact]
    public void Missing_tag_is_suggested_from_resources_in_the_same_vpc_first()
    {
        var result = Scan(
            Instance(1, "vpc-a", "web-1", Owner("ops"), Cost("CC-2")),
            Instance(2, "vpc-a", "web-2", Owner("ops"), Cost("CC-2")),
            Instance(3, "vpc-b", "api-1", Owner("ops"), Cost("CC-1")),
            Instance(4, "vpc-b", "api-2", Owner("ops"), Cost("CC-1")),
            Instance(5, "vpc-b", "api-3", Owner("ops"), Cost("CC-1")),
            Instance(9, "vpc-a", "web-9", Owner("ops")));

        var suggestions = TagSuggester.Suggest(result, Find(result, 9));

        var best = suggestions.First(s => s.TagKey == "CostCenter");
        Assert.Equal("CC-2", best.Value);
        Assert.Equal(SuggestionKind.SetValue, best.Kind);
        Assert.Contains("same VPC vpc-a", best.Reason);
        Assert.InRange(best.Confidence, 0.0, 1.0);
    }

    [Fact]
    public void Values_the_policy_does_not_accept_are_never_suggested()
    {
        var result = Scan(
            Instance(1, "vpc-a", "web-1", Owner("ops"), Cost("CC-999")),
            Instance(2, "vpc-a", "web-2", Owner("ops"), Cost("CC-999")),
            Instance(3, "vpc-c", "db-1", Owner("ops"), Cost("CC-1")),
            Instance(9, "vpc-a", "web-9", Owner("ops")));

        var suggestions = TagSuggester.Suggest(result, Find(result, 9)).Where(s => s.TagKey == "CostCenter").ToList();

        Assert.DoesNotContain(suggestions, s => s.Value == "CC-999");
        Assert.Equal("CC-1", Assert.Single(suggestions).Value);
    }

    [Fact]
    public void A_key_in_the_wrong_letter_case_gets_a_rename_with_full_confidence()
    {
        var result = Scan(Instance(9, null, "x", Owner("ops"), new Tag("costcenter", "CC-1")));

        var rename = Assert.Single(TagSuggester.Suggest(result, Find(result, 9)), s => s.TagKey == "CostCenter");

        Assert.Equal(SuggestionKind.RenameKey, rename.Kind);
        Assert.Equal("CC-1", rename.Value);
        Assert.Equal(1.0, rename.Confidence);
    }

    [Fact]
    public void An_invalid_value_that_resembles_an_allowed_one_suggests_that_value()
    {
        var result = Scan(Instance(9, null, "x", Owner("ops"), Cost("cc-2")));

        var best = TagSuggester.Suggest(result, Find(result, 9)).First(s => s.TagKey == "CostCenter");

        Assert.Equal("CC-2", best.Value);
        Assert.Equal("high", best.ConfidenceLabel);
        Assert.Contains("letter case", best.Reason);
    }

    [Fact]
    public void A_compliant_resource_gets_no_suggestions()
    {
        var result = Scan(Instance(1, "vpc-a", "web-1", Owner("ops"), Cost("CC-1")));

        Assert.Empty(TagSuggester.Suggest(result, Find(result, 1)));
    }

    [Theory]
    [InlineData("web-prod-03", "web")]
    [InlineData("Batch_nightly", "batch")]
    [InlineData("db1", null)]
    [InlineData(null, null)]
    public void Name_prefix_is_the_leading_word(string? name, string? prefix) =>
        Assert.Equal(prefix, TagSuggester.NamePrefix(name));

    private static Tag Owner(string who) => new("Owner", $"{who}@example.com");

    private static Tag Cost(string value) => new("CostCenter", value);

    private static CloudResource Instance(int id, string? vpc, string name, params Tag[] tags) =>
        CostScenario.Resource("ec2:instance", Region, id, [.. tags], "running", name) with { VpcId = vpc };

    private static ComplianceResult Scan(params CloudResource[] resources) =>
        resources.Aggregate(CostScenario.Empty(Region), (s, r) => s.With(r)).Build();

    private static EvaluatedResource Find(ComplianceResult result, int id) =>
        result.Resources.Single(r => r.Arn.EndsWith($"r-{id:D6}", StringComparison.Ordinal));
}
