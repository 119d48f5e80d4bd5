using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using static FinOps.Tests.Unit.Policy.PolicyFixture;

namespace FinOps.Tests.Unit.Policy;

/// <summary>Import from an AWS Organizations tag policy document.</summary>
public sealed class OrganizationsPolicyImporterTests
{
    private const string OrganizationsDocument = """
        {
          "tags": {
            "costcenter": {
              "tag_key": { "@@assign": "CostCenter" },
              "tag_value": { "@@assign": ["CC-100", "CC-2*"] },
              "enforced_for": { "@@assign": ["ec2:ALL_SUPPORTED", "s3:bucket"] }
            },
            "environment": {
              "tag_key": { "@@assign": "Environment" },
              "tag_value": { "@@assign": ["production", "staging"] },
              "enforced_for": { "@@assign": ["rds:db"] }
            },
            "project": {
              "tag_key": { "@@assign": "PROJECT" },
              "tag_value": { "@@assign": ["Apollo", "Gemini"] }
            },
            "owner": {
              "tag_key": { "@@assign": "Owner" }
            }
          }
        }
        """;

    private static readonly TaggingPolicy Current = TaggingPolicyJson.Parse(ShippedPolicyJson);

    [Fact]
    public void Wildcard_value_becomes_a_prefix_pattern_not_an_exact_value()
    {
        var import = OrganizationsPolicyImporter.Import(OrganizationsDocument, Current);
        var costCenter = import.Policy.RequiredTags.Single(t => t.Key == "CostCenter");

        Assert.Empty(costCenter.AllowedValues);
        Assert.NotNull(costCenter.Pattern);
        var evaluator = new PolicyEvaluator(import.Policy);
        Assert.True(Valid(evaluator, "CC-100"));
        Assert.True(Valid(evaluator, "CC-2"));
        Assert.True(Valid(evaluator, "CC-2049"));
        Assert.False(Valid(evaluator, "CC-1000"));
        Assert.False(Valid(evaluator, "CC-300"));
        Assert.False(Valid(evaluator, "XCC-2"));

        static bool Valid(PolicyEvaluator evaluator, string value) =>
            evaluator.Evaluate("s3:bucket", T("CostCenter", value)).Violations.Count == 0;
    }

    [Fact]
    public void Values_without_wildcards_stay_exact_allowed_values()
    {
        var import = OrganizationsPolicyImporter.Import(OrganizationsDocument, Current);

        var environment = import.Policy.RequiredTags.Single(t => t.Key == "Environment");
        Assert.Equal(["production", "staging"], environment.AllowedValues.AsEnumerable());
        Assert.Null(environment.Pattern);
    }

    [Fact]
    public void Wildcard_characters_of_other_values_are_taken_literally()
    {
        var import = OrganizationsPolicyImporter.Import("""
            { "tags": { "team": { "tag_key": { "@@assign": "Team" }, "tag_value": { "@@assign": ["a.b", "ops-*"] } } } }
            """, Current);
        var evaluator = new PolicyEvaluator(import.Policy);

        Assert.DoesNotContain(evaluator.Evaluate("s3:bucket", T("Team", "a.b")).Violations, v => v.TagKey == "Team");
        Assert.Contains(evaluator.Evaluate("s3:bucket", T("Team", "axb")).Violations, v => v.TagKey == "Team");
        Assert.DoesNotContain(evaluator.Evaluate("s3:bucket", T("Team", "ops-blue")).Violations, v => v.TagKey == "Team");
    }

    [Fact]
    public void ALL_SUPPORTED_expands_to_the_catalogue_types_of_that_service()
    {
        var import = OrganizationsPolicyImporter.Import(OrganizationsDocument, Current);

        var costCenter = import.Policy.RequiredTags.Single(t => t.Key == "CostCenter");
        var ec2Types = ResourceCatalogue.All.Where(t => t.Service == "ec2").Select(t => t.Name).ToList();
        Assert.Equal([.. ec2Types, "s3:bucket"], costCenter.AppliesTo.AsEnumerable());
        Assert.Contains("ec2:instance", ec2Types);
        Assert.Contains("ec2:natgateway", ec2Types);
        Assert.Contains("ec2:security-group", ec2Types);
    }

    [Fact]
    public void ALL_SUPPORTED_of_a_service_named_differently_by_the_tagging_API_expands_too()
    {
        var import = OrganizationsPolicyImporter.Import("""
            { "tags": { "app": { "tag_key": { "@@assign": "App" }, "enforced_for": { "@@assign": ["es:ALL_SUPPORTED", "states:stateMachine"] } } } }
            """, Current);

        Assert.Equal(["opensearch:domain", "stepfunctions:statemachine"], import.Policy.RequiredTags.Single().AppliesTo.AsEnumerable());
    }

    [Fact]
    public void Keys_with_enforced_for_become_required_for_those_types()
    {
        var import = OrganizationsPolicyImporter.Import(OrganizationsDocument, Current);

        Assert.Equal(["CostCenter", "Environment"], import.Policy.RequiredTags.Select(t => t.Key));
        Assert.Equal(["rds:db"], import.Policy.RequiredTags[1].AppliesTo.AsEnumerable());
        Assert.All(import.Policy.RequiredTags, t => Assert.Equal(Severity.Error, t.Severity));
    }

    [Fact]
    public void Keys_without_enforced_for_become_optional()
    {
        var import = OrganizationsPolicyImporter.Import(OrganizationsDocument, Current);

        Assert.Equal(["PROJECT", "Owner"], import.Policy.OptionalTags.Select(t => t.Key));
        Assert.Equal(["Apollo", "Gemini"], import.Policy.OptionalTags[0].AllowedValues.AsEnumerable());
    }

    [Fact]
    public void Key_keeps_the_letter_case_of_tag_key_assign()
    {
        var import = OrganizationsPolicyImporter.Import(OrganizationsDocument, Current);

        var keys = import.Policy.RequiredTags.Concat(import.Policy.OptionalTags).Select(t => t.Key).ToList();
        Assert.Contains("CostCenter", keys);
        Assert.Contains("PROJECT", keys);
        Assert.DoesNotContain("costcenter", keys);
        Assert.DoesNotContain("project", keys);
    }

    [Fact]
    public void Import_lists_the_differences_from_the_current_policy()
    {
        var import = OrganizationsPolicyImporter.Import(OrganizationsDocument, Current);

        var byKey = import.Diff.Changes.ToDictionary(c => c.TagKey);
        Assert.Equal(PolicyChangeKind.Removed, byKey["Application"].Kind);
        Assert.Equal(PolicyChangeKind.Removed, byKey["DataClassification"].Kind);
        Assert.Equal(PolicyChangeKind.Changed, byKey["Owner"].Kind);
        Assert.Contains("required → optional", byKey["Owner"].Details);
        Assert.Equal(PolicyChangeKind.Changed, byKey["CostCenter"].Kind);
        Assert.Contains(byKey["CostCenter"].Details, d => d.StartsWith("allowedValues:", StringComparison.Ordinal));
        Assert.Contains(byKey["CostCenter"].Details, d => d.StartsWith("pattern: (none) →", StringComparison.Ordinal));
        Assert.Contains(byKey["Environment"].Details, d => d == "appliesTo: every type → [rds:db]");
        // Keys are matched ignoring case, so PROJECT is the current Project with its case changed.
        Assert.Equal(PolicyChangeKind.Changed, byKey["PROJECT"].Kind);
        Assert.Contains("key: Project → PROJECT", byKey["PROJECT"].Details);
        Assert.False(import.Diff.IsEmpty);
    }

    [Fact]
    public void Existing_tags_keep_their_description_so_only_real_changes_show()
    {
        var import = OrganizationsPolicyImporter.Import("""
            { "tags": { "environment": { "tag_key": { "@@assign": "Environment" }, "tag_value": { "@@assign": ["production", "staging", "development"] } } } }
            """, Current);

        var environment = import.Policy.OptionalTags.Single();
        Assert.Equal("Deployment stage", environment.Description);
        Assert.Equal(["required → optional"], import.Diff.Changes.Single(c => c.TagKey == "Environment").Details.AsEnumerable());
    }

    [Fact]
    public void Import_keeps_the_current_rules_and_version()
    {
        var import = OrganizationsPolicyImporter.Import(OrganizationsDocument, Current);

        Assert.Equal(Current.Rules, import.Policy.Rules);
        Assert.Equal(Current.Version, import.Policy.Version);
        Assert.Empty(import.Diff.RuleChanges);
    }

    [Fact]
    public void Enforced_for_types_outside_the_catalogue_are_reported_as_warnings()
    {
        var import = OrganizationsPolicyImporter.Import("""
            { "tags": {
                "a": { "tag_key": { "@@assign": "A" }, "enforced_for": { "@@assign": ["ec2:instance", "workspaces:workspace"] } },
                "b": { "tag_key": { "@@assign": "B" }, "enforced_for": { "@@assign": ["quantum:computer"] } } } }
            """, Current);

        Assert.Equal(["ec2:instance"], import.Policy.RequiredTags.Single().AppliesTo.AsEnumerable());
        Assert.Equal("B", import.Policy.OptionalTags.Single().Key);
        Assert.Contains(import.Warnings, w => w.Contains("workspaces:workspace", StringComparison.Ordinal));
        Assert.Contains(import.Warnings, w => w.Contains("'B'", StringComparison.Ordinal) && w.Contains("optional", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("", "$")]
    [InlineData("""{ "policies": {} }""", "tags")]
    [InlineData("""{ "tags": [] }""", "tags")]
    [InlineData("""{ "tags": { "x": "CostCenter" } }""", "tags.x")]
    [InlineData("""{ "tags": { "x": { "tag_key": { "@@assign": 5 } } } }""", "tags.x.tag_key.@@assign")]
    [InlineData("""{ "tags": { "x": { "tag_key": { "@@assign": "X" }, "tag_value": { "@@assign": [1] } } } }""", "tags.x.tag_value.@@assign")]
    public void Unusable_document_is_rejected_naming_the_element(string json, string path)
    {
        var ex = Assert.Throws<InvalidPolicyException>(() => OrganizationsPolicyImporter.Import(json, Current));

        Assert.Equal(path, ex.Errors[0].Path);
    }

    [Fact]
    public void Imported_policy_is_validated_like_a_native_one()
    {
        var ex = Assert.Throws<InvalidPolicyException>(() => OrganizationsPolicyImporter.Import("""
            { "tags": { "a": { "tag_key": { "@@assign": "Team" } }, "b": { "tag_key": { "@@assign": "team" } } } }
            """, Current));

        Assert.Contains("duplicate key", ex.Message, StringComparison.Ordinal);
    }
}
