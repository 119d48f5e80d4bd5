using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.Suggestions;
using FinOps.Tests.Unit.Costs;

namespace FinOps.Tests.Unit.Suggestions;

public sealed class TagReviewTests
{
    private const string Region = "us-east-1";

    [Fact]
    public void A_missing_required_tag_is_a_row_with_its_violation_expected_value_and_suggestion()
    {
        var result = Scan(
            Instance(1, "vpc-a", Owner("ops"), new Tag("CostCenter", "CC-2")),
            Instance(9, "vpc-a", Owner("ops")));

        var rows = TagReview.For(result, Find(result, 9));

        var missing = Assert.Single(rows, r => r.IsMissing);
        Assert.Equal("CostCenter", missing.Key);
        Assert.Equal(TagStatus.Error, missing.Status);
        Assert.True(missing.Required);
        Assert.Equal(ViolationKind.MissingRequiredTag, Assert.Single(missing.Violations).Kind);
        Assert.Equal("one of: CC-1, CC-2", missing.Expected);
        Assert.Equal("CC-2", missing.Suggestions[0].Value);
    }

    [Fact]
    public void Each_violation_sits_next_to_the_tag_it_is_about()
    {
        var result = Scan(Instance(9, null, new Tag("owner", "ops@example.com"), new Tag("CostCenter", "CC-9"), new Tag("Team", "blue")));

        var rows = TagReview.For(result, Find(result, 9));

        Assert.Equal(["CostCenter", "owner", "Team"], rows.Select(r => r.Key));
        var cost = rows[0];
        Assert.Equal(ViolationKind.InvalidValue, Assert.Single(cost.Violations).Kind);
        Assert.Equal("CC-9", cost.Value);
        var owner = rows[1];
        Assert.Equal("Owner", owner.PolicyKey);
        Assert.Equal(ViolationKind.KeyCaseMismatch, Assert.Single(owner.Violations).Kind);
        Assert.Equal(SuggestionKind.RenameKey, Assert.Single(owner.Suggestions).Kind);
        Assert.Equal(TagStatus.NotInPolicy, rows[2].Status);
        Assert.Empty(rows[2].Violations);
    }

    [Fact]
    public void A_compliant_resource_has_compliant_rows_without_suggestions()
    {
        var result = Scan(Instance(1, null, Owner("ops"), new Tag("CostCenter", "CC-1")));

        var rows = TagReview.For(result, Find(result, 1));

        Assert.All(rows, r => Assert.Equal(TagStatus.Compliant, r.Status));
        Assert.All(rows, r => Assert.Empty(r.Suggestions));
        Assert.Equal("a value matching the pattern [a-z]+@example\\.com", rows.Single(r => r.Key == "Owner").Expected);
    }

    [Fact]
    public void Every_violation_of_the_resource_appears_in_exactly_one_row()
    {
        var result = Scan(
            Instance(1, "vpc-a", new Tag("costcenter", "x"), new Tag("Owner", "NOPE")),
            Instance(2, "vpc-a"),
            Instance(3, "vpc-a", Owner("ops"), new Tag("CostCenter", "CC-1")));

        foreach (var resource in result.Resources)
        {
            var rows = TagReview.For(result, resource);
            Assert.Equal(resource.Violations.Length, rows.Sum(r => r.Violations.Length));
        }
    }

    private static Tag Owner(string who) => new("Owner", $"{who}@example.com");

    private static CloudResource Instance(int id, string? vpc, params Tag[] tags) =>
        CostScenario.Resource("ec2:instance", Region, id, [.. tags], "running", $"web-{id}") with { VpcId = vpc };

    private static ComplianceResult Scan(params CloudResource[] resources) =>
        resources.Aggregate(CostScenario.Empty(Region), (s, r) => s.With(r)).Build();

    private static EvaluatedResource Find(ComplianceResult result, int id) =>
        result.Resources.Single(r => r.Arn.EndsWith($"r-{id:D6}", StringComparison.Ordinal));
}
