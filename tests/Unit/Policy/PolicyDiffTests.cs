using FinOps.Domain.Policy;
using static FinOps.Tests.Unit.Policy.PolicyFixture;

namespace FinOps.Tests.Unit.Policy;

/// <summary>The tag-by-tag preview of a policy change.</summary>
public sealed class PolicyDiffTests
{
    private static readonly TaggingPolicy Current = ParsePolicy("""
        [{ "key": "CostCenter", "allowedValues": ["CC-100", "CC-200"] },
         { "key": "Owner", "pattern": "[a-z]+@example\\.com", "appliesTo": ["ec2:instance"] },
         { "key": "Environment", "allowedValues": ["prod"], "description": "stage" }]
        """, optionalTags: """[{ "key": "Project" }]""");

    [Fact]
    public void Identical_policies_have_an_empty_diff()
    {
        var diff = PolicyDiff.Between(Current, TaggingPolicyJson.Parse(TaggingPolicyJson.Serialize(Current)));

        Assert.True(diff.IsEmpty);
        Assert.Empty(diff.Changes);
        Assert.Empty(diff.RuleChanges);
    }

    [Fact]
    public void Added_and_removed_tags_are_listed()
    {
        var proposed = ParsePolicy("""
            [{ "key": "CostCenter", "allowedValues": ["CC-100", "CC-200"] },
             { "key": "Owner", "pattern": "[a-z]+@example\\.com", "appliesTo": ["ec2:instance"] },
             { "key": "Environment", "allowedValues": ["prod"], "description": "stage" },
             { "key": "Application", "pattern": "[a-z]+", "appliesTo": ["rds:db"], "severity": "warning" }]
            """);

        var diff = PolicyDiff.Between(Current, proposed);

        Assert.Equal([(PolicyChangeKind.Added, "Application"), (PolicyChangeKind.Removed, "Project")], diff.Changes.Select(c => (c.Kind, c.TagKey)));
        Assert.Equal("required (warning), pattern [a-z]+, appliesTo [rds:db]", Assert.Single(diff.Changes[0].Details));
        Assert.Equal("+ Application: required (warning), pattern [a-z]+, appliesTo [rds:db]", diff.Changes[0].ToString());
        Assert.Equal("- Project", diff.Changes[1].ToString());
    }

    [Fact]
    public void Changed_tags_list_each_field_that_differs()
    {
        var proposed = ParsePolicy("""
            [{ "key": "CostCenter", "allowedValues": ["CC-100", "CC-300"], "severity": "warning" },
             { "key": "owner", "pattern": "[a-z]+@example\\.org" },
             { "key": "Environment", "allowedValues": ["prod"], "description": "deployment stage" }]
            """, optionalTags: """[]""", rules: """{ "caseSensitiveValues": false, "maxValueLength": 200 }""");

        var diff = PolicyDiff.Between(Current, proposed);

        var changes = diff.Changes.Where(c => c.Kind == PolicyChangeKind.Changed).ToDictionary(c => c.TagKey, c => c.Details.ToList());
        Assert.Equal(["severity: error → warning", "allowedValues: [CC-100, CC-200] → [CC-100, CC-300]"], changes["CostCenter"]);
        Assert.Equal(["key: Owner → owner", @"pattern: [a-z]+@example\.com → [a-z]+@example\.org", "appliesTo: [ec2:instance] → every type"], changes["owner"]);
        Assert.Equal(["description changed"], changes["Environment"]);
        Assert.Equal(["caseSensitiveValues: True → False", "maxValueLength: 256 → 200"], diff.RuleChanges.AsEnumerable());
        Assert.Equal(PolicyChangeKind.Removed, diff.Changes.Single(c => c.TagKey == "Project").Kind);
    }

    [Fact]
    public void Moving_a_tag_between_required_and_optional_is_a_change()
    {
        var proposed = ParsePolicy("""
            [{ "key": "CostCenter", "allowedValues": ["CC-100", "CC-200"] },
             { "key": "Owner", "pattern": "[a-z]+@example\\.com", "appliesTo": ["ec2:instance"] },
             { "key": "Project" }]
            """, optionalTags: """[{ "key": "Environment", "allowedValues": ["prod"], "description": "stage" }]""");

        var diff = PolicyDiff.Between(Current, proposed);

        Assert.Equal([("Environment", "required → optional"), ("Project", "optional → required")],
            diff.Changes.Select(c => (c.TagKey, Assert.Single(c.Details))));
        Assert.StartsWith("~ Environment: ", diff.Changes[0].ToString(), StringComparison.Ordinal);
    }
}
