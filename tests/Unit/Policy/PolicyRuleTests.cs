using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using static FinOps.Tests.Unit.Policy.PolicyFixture;

namespace FinOps.Tests.Unit.Policy;

/// <summary>One test per rule of the tagging policy, named for the rule.</summary>
public sealed class PolicyRuleTests
{
    [Theory]
    [InlineData("""[{ "key": "CostCenter" }]""")]
    [InlineData("""[{ "key": "CostCenter", "appliesTo": [] }]""")]
    [InlineData("""[{ "key": "CostCenter", "appliesTo": null }]""")]
    public void AppliesTo_empty_or_absent_means_the_tag_applies_to_every_resource_type(string requiredTags)
    {
        var evaluator = Evaluator(requiredTags);

        foreach (var type in ResourceCatalogue.All)
        {
            Assert.True(evaluator.IsInScope(type.Name), type.Name);
            var (verdict, violations) = evaluator.Evaluate(type.Name);
            Assert.Equal(ViolationKind.MissingRequiredTag, Assert.Single(violations).Kind);
            Assert.False(verdict.Compliant);
        }

        Assert.True(evaluator.IsInScope("future:thing"));
    }

    [Fact]
    public void AppliesTo_with_types_limits_the_tag_to_those_types()
    {
        var evaluator = Evaluator("""[{ "key": "Owner", "appliesTo": ["ec2:instance", "s3:bucket"] }]""");

        Assert.True(evaluator.IsInScope("ec2:instance"));
        Assert.True(evaluator.IsInScope("s3:bucket"));
        Assert.False(evaluator.IsInScope("rds:db"));
        Assert.Empty(evaluator.Evaluate("rds:db").Violations);
        Assert.Single(evaluator.Evaluate("ec2:instance").Violations);
    }

    [Fact]
    public void Missing_required_key_is_a_missing_required_tag_error()
    {
        var evaluator = Evaluator("""[{ "key": "CostCenter", "allowedValues": ["CC-100"] }]""");

        var (verdict, violations) = evaluator.Evaluate("ec2:instance", T("Owner", "a@example.com"));

        var violation = Assert.Single(violations);
        Assert.Equal(ViolationKind.MissingRequiredTag, violation.Kind);
        Assert.Equal("missing_required_tag", violation.Kind.ToWire());
        Assert.Equal(Severity.Error, violation.Severity);
        Assert.Equal("CostCenter", violation.TagKey);
        Assert.Null(violation.CurrentValue);
        Assert.Contains("CC-100", violation.Expected, StringComparison.Ordinal);
        Assert.Equal(1, verdict.Errors);
        Assert.False(verdict.Compliant);
    }

    [Fact]
    public void Key_in_another_case_with_caseSensitiveKeys_true_is_a_key_case_mismatch_naming_the_key_found()
    {
        var evaluator = Evaluator("""[{ "key": "Environment", "allowedValues": ["production"] }]""",
            rules: """{ "caseSensitiveKeys": true }""");

        var (verdict, violations) = evaluator.Evaluate("ec2:instance", T("environment", "production"));

        var violation = Assert.Single(violations);
        Assert.Equal(ViolationKind.KeyCaseMismatch, violation.Kind);
        Assert.Equal(Severity.Error, violation.Severity);
        Assert.Equal("Environment", violation.TagKey);
        Assert.Equal("environment", violation.CurrentValue);
        Assert.Contains("'environment'", violation.Message, StringComparison.Ordinal);
        Assert.False(verdict.Compliant);
    }

    [Fact]
    public void Key_in_another_case_with_caseSensitiveKeys_false_satisfies_the_requirement()
    {
        var evaluator = Evaluator("""[{ "key": "Environment", "allowedValues": ["production"] }]""",
            rules: """{ "caseSensitiveKeys": false }""");

        var (verdict, violations) = evaluator.Evaluate("ec2:instance", T("ENVIRONMENT", "production"));

        Assert.Empty(violations);
        Assert.True(verdict.Compliant);
        // The value found under the other-case key is still checked.
        Assert.Equal(ViolationKind.InvalidValue,
            Assert.Single(evaluator.Evaluate("ec2:instance", T("environment", "prod")).Violations).Kind);
    }

    [Fact]
    public void Several_case_variants_of_a_key_are_judged_the_same_whatever_their_order()
    {
        var evaluator = Evaluator("""[{ "key": "Environment", "allowedValues": ["production"] }]""",
            rules: """{ "caseSensitiveKeys": false }""");
        Tag[] tags = [T("environment", "prod"), T("ENVIRONMENT", "production")];

        var forward = evaluator.Evaluate("ec2:instance", tags);
        var backward = evaluator.Evaluate("ec2:instance", [.. tags.Reverse()]);

        Assert.Equal(forward.Verdict, backward.Verdict);
        Assert.Equal(forward.Violations, backward.Violations);
    }

    [Fact]
    public void AllowedValues_and_pattern_given_together_must_both_hold()
    {
        var evaluator = Evaluator("""[{ "key": "CostCenter", "allowedValues": ["CC-100", "CC-200"], "pattern": "CC-[0-9]{3}" }]""");

        Assert.Empty(evaluator.Evaluate("ec2:instance", T("CostCenter", "CC-200")).Violations);

        var matchesPatternOnly = evaluator.Evaluate("ec2:instance", T("CostCenter", "CC-300"));
        Assert.Equal(ViolationKind.InvalidValue, Assert.Single(matchesPatternOnly.Violations).Kind);
        Assert.False(matchesPatternOnly.Verdict.Compliant);

        var neither = evaluator.Evaluate("ec2:instance", T("CostCenter", "finance"));
        Assert.Equal([ViolationKind.InvalidValue, ViolationKind.InvalidFormat], neither.Violations.Select(v => v.Kind));
        Assert.Equal(2, neither.Verdict.Errors);
    }

    [Fact]
    public void Value_comparison_honours_caseSensitiveValues_true()
    {
        var evaluator = Evaluator("""[{ "key": "Environment", "allowedValues": ["production"] }, { "key": "Team", "pattern": "[a-z]+" }]""",
            rules: """{ "caseSensitiveValues": true }""");

        var (_, violations) = evaluator.Evaluate("ec2:instance", T("Environment", "Production"), T("Team", "Payments"));

        Assert.Equal([ViolationKind.InvalidValue, ViolationKind.InvalidFormat], violations.Select(v => v.Kind));
        Assert.Equal("Production", violations[0].CurrentValue);
    }

    [Fact]
    public void Value_comparison_honours_caseSensitiveValues_false()
    {
        var evaluator = Evaluator("""[{ "key": "Environment", "allowedValues": ["production"] }, { "key": "Team", "pattern": "[a-z]+" }]""",
            rules: """{ "caseSensitiveValues": false }""");

        var (verdict, violations) = evaluator.Evaluate("ec2:instance", T("Environment", "PRODUCTION"), T("Team", "Payments"));

        Assert.Empty(violations);
        Assert.True(verdict.Compliant);
    }

    [Theory]
    [InlineData("[A-Z]{3}-[0-9]+", "ABC-12", true)]
    [InlineData("[A-Z]{3}-[0-9]+", "XABC-12", false)]
    [InlineData("[A-Z]{3}-[0-9]+", "ABC-12x", false)]
    [InlineData("[A-Z]{3}-[0-9]+", "ABC-12\n", false)]
    [InlineData("prod|staging", "prod", true)]
    [InlineData("prod|staging", "production", false)]
    [InlineData("prod|staging", "pre-staging", false)]
    [InlineData("[a-z]+$", "abc\n", false)]
    public void Pattern_must_match_the_whole_value(string pattern, string value, bool valid)
    {
        var evaluator = Evaluator($$"""[{ "key": "Code", "pattern": {{System.Text.Json.JsonSerializer.Serialize(pattern)}} }]""");

        var (_, violations) = evaluator.Evaluate("ec2:instance", T("Code", value));

        Assert.Equal(valid, violations.Count == 0);
        if (!valid)
        {
            Assert.Equal(ViolationKind.InvalidFormat, Assert.Single(violations).Kind);
        }
    }

    [Fact]
    public void Invalid_pattern_makes_the_policy_invalid_at_load_naming_the_tag()
    {
        var ex = Assert.Throws<InvalidPolicyException>(() => ParsePolicy("""[{ "key": "Owner", "pattern": "[a-z" }]"""));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("Owner", error.TagKey);
        Assert.Equal("requiredTags[0].pattern", error.Path);
        Assert.Contains("not a valid regular expression", error.Message, StringComparison.Ordinal);
        Assert.Contains("Owner", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_pattern_in_a_policy_built_in_code_is_refused_by_the_evaluator_not_ignored()
    {
        var policy = new TaggingPolicy("v", [new TagRequirement("Owner", null, [], "(unclosed", [])], [], PolicyRules.Default);

        var ex = Assert.Throws<InvalidPolicyException>(() => new PolicyEvaluator(policy));

        Assert.Equal("Owner", Assert.Single(ex.Errors).TagKey);
    }

    [Fact]
    public void Empty_string_value_counts_as_present_but_fails_allowedValues_and_pattern()
    {
        var evaluator = Evaluator("""
            [{ "key": "Environment", "allowedValues": ["production"] },
             { "key": "Team", "pattern": "[a-z]*" },
             { "key": "Note" }]
            """);

        var (verdict, violations) = evaluator.Evaluate("ec2:instance", T("Environment", ""), T("Team", ""), T("Note", ""));

        Assert.DoesNotContain(violations, v => v.Kind == ViolationKind.MissingRequiredTag);
        Assert.Equal([("Environment", ViolationKind.InvalidValue), ("Team", ViolationKind.InvalidFormat)],
            violations.Select(v => (v.TagKey, v.Kind)));
        Assert.All(violations, v => Assert.Equal("", v.CurrentValue));
        Assert.Equal(2, verdict.Errors);
    }

    [Fact]
    public void Optional_tags_are_checked_only_when_present_and_give_warnings()
    {
        var evaluator = Evaluator("""[{ "key": "CostCenter" }]""", optionalTags: """[{ "key": "Project", "pattern": "[A-Z]{3}-[0-9]+" }]""");

        var absent = evaluator.Evaluate("ec2:instance", T("CostCenter", "CC-1"));
        Assert.Empty(absent.Violations);

        var invalid = evaluator.Evaluate("ec2:instance", T("CostCenter", "CC-1"), T("Project", "apollo"));
        var violation = Assert.Single(invalid.Violations);
        Assert.Equal((ViolationKind.InvalidFormat, Severity.Warning, "Project"), (violation.Kind, violation.Severity, violation.TagKey));
        Assert.True(invalid.Verdict.Compliant);
        Assert.Equal(1, invalid.Verdict.Warnings);

        var wrongCase = evaluator.Evaluate("ec2:instance", T("CostCenter", "CC-1"), T("project", "ABC-1"));
        Assert.Equal((ViolationKind.KeyCaseMismatch, Severity.Warning), (wrongCase.Violations[0].Kind, wrongCase.Violations[0].Severity));
    }

    [Fact]
    public void Required_tag_with_severity_warning_is_advisory_and_the_resource_stays_compliant()
    {
        var evaluator = Evaluator("""
            [{ "key": "CostCenter" },
             { "key": "DataClassification", "allowedValues": ["public", "internal"], "severity": "warning" }]
            """);

        var missing = evaluator.Evaluate("s3:bucket", T("CostCenter", "CC-1"));
        var invalid = evaluator.Evaluate("s3:bucket", T("CostCenter", "CC-1"), T("DataClassification", "secret"));

        Assert.Equal((ViolationKind.MissingRequiredTag, Severity.Warning), (missing.Violations[0].Kind, missing.Violations[0].Severity));
        Assert.Equal((ViolationKind.InvalidValue, Severity.Warning), (invalid.Violations[0].Kind, invalid.Violations[0].Severity));
        Assert.True(missing.Verdict.Compliant);
        Assert.True(invalid.Verdict.Compliant);
        Assert.Equal((0, 1), (invalid.Verdict.Errors, invalid.Verdict.Warnings));
    }

    [Fact]
    public void Key_or_value_longer_than_the_limits_is_a_value_too_long_warning()
    {
        var evaluator = Evaluator("""[{ "key": "CostCenter" }]""", rules: """{ "maxKeyLength": 12, "maxValueLength": 5 }""");

        var (verdict, violations) = evaluator.Evaluate("ec2:instance",
            T("CostCenter", "CC-1"), T("AVeryLongTagKey", "x"), T("Note", "too long"), T("AnotherLongKey", "abcdefgh"));

        Assert.All(violations, v => Assert.Equal((ViolationKind.ValueTooLong, Severity.Warning), (v.Kind, v.Severity)));
        Assert.Equal(["AVeryLongTagKey", "Note", "AnotherLongKey", "AnotherLongKey"], violations.Select(v => v.TagKey));
        Assert.True(verdict.Compliant);
        Assert.Equal(4, verdict.Warnings);
    }

    [Fact]
    public void Value_over_the_limit_is_still_checked_against_the_rule()
    {
        var evaluator = Evaluator("""[{ "key": "Environment", "allowedValues": ["prod"] }]""", rules: """{ "maxValueLength": 4 }""");

        var (verdict, violations) = evaluator.Evaluate("ec2:instance", T("Environment", "production"));

        Assert.Equal([ViolationKind.InvalidValue, ViolationKind.ValueTooLong], violations.Select(v => v.Kind));
        Assert.False(verdict.Compliant);
    }

    [Fact]
    public void Resource_whose_type_has_an_applicable_required_tag_is_in_scope()
    {
        var evaluator = Evaluator("""[{ "key": "Owner", "appliesTo": ["rds:db"] }]""");

        var verdict = evaluator.Evaluate("rds:db", [T("Owner", "x")], null);

        Assert.True(verdict.InScope);
        Assert.True(verdict.Compliant);
    }

    [Fact]
    public void Resource_whose_type_has_no_applicable_required_tag_is_out_of_scope_and_never_compliant()
    {
        var evaluator = Evaluator("""[{ "key": "Owner", "appliesTo": ["rds:db"] }]""", optionalTags: """[{ "key": "Project", "pattern": "[A-Z]+" }]""");

        var (verdict, violations) = evaluator.Evaluate("ec2:vpc", T("Project", "lower"));

        Assert.False(verdict.InScope);
        Assert.False(verdict.Compliant);
        Assert.Equal(ViolationKind.InvalidFormat, Assert.Single(violations).Kind);
        Assert.False(Evaluator("[]").IsInScope("ec2:instance"));
    }

    [Fact]
    public void Compliant_means_in_scope_with_no_error_violations()
    {
        Assert.True(new ResourceVerdict(InScope: true, Errors: 0, Warnings: 3).Compliant);
        Assert.False(new ResourceVerdict(InScope: true, Errors: 1, Warnings: 0).Compliant);
        Assert.False(new ResourceVerdict(InScope: false, Errors: 0, Warnings: 0).Compliant);
    }

    [Fact]
    public void Content_hash_is_stable_under_formatting_and_property_order()
    {
        var compact = TaggingPolicyJson.Parse("""{"version":"1","requiredTags":[{"key":"A","allowedValues":["x","y"],"pattern":"[a-z]","appliesTo":["s3:bucket"]}],"rules":{"caseSensitiveKeys":true,"maxKeyLength":128}}""");
        var reordered = TaggingPolicyJson.Parse("""
            {
              "rules": { "maxKeyLength": 128, "caseSensitiveKeys": true },
              "requiredTags": [
                { "appliesTo": [ "s3:bucket" ], "pattern": "[a-z]", "allowedValues": [ "x", "y" ], "key": "A" }
              ],
              "version": "1"
            }
            """);

        Assert.Equal(compact.ContentHash, reordered.ContentHash);
        Assert.Equal(64, compact.ContentHash.Length);
        Assert.Equal(compact, reordered);
    }

    [Theory]
    [InlineData("""{"version":"2","requiredTags":[{"key":"A","allowedValues":["x","y"]}]}""")]
    [InlineData("""{"version":"1","requiredTags":[{"key":"B","allowedValues":["x","y"]}]}""")]
    [InlineData("""{"version":"1","requiredTags":[{"key":"A","allowedValues":["x"]}]}""")]
    [InlineData("""{"version":"1","requiredTags":[{"key":"A","allowedValues":["x","y"],"severity":"warning"}]}""")]
    [InlineData("""{"version":"1","requiredTags":[{"key":"A","allowedValues":["x","y"],"appliesTo":["s3:bucket"]}]}""")]
    [InlineData("""{"version":"1","requiredTags":[{"key":"A","allowedValues":["x","y"],"description":"d"}]}""")]
    [InlineData("""{"version":"1","requiredTags":[],"optionalTags":[{"key":"A","allowedValues":["x","y"]}]}""")]
    [InlineData("""{"version":"1","requiredTags":[{"key":"A","allowedValues":["x","y"]}],"rules":{"caseSensitiveValues":false}}""")]
    [InlineData("""{"version":"1","requiredTags":[{"key":"A","allowedValues":["x","y"]}],"rules":{"maxValueLength":100}}""")]
    public void Content_hash_changes_with_content(string changed)
    {
        var original = TaggingPolicyJson.Parse("""{"version":"1","requiredTags":[{"key":"A","allowedValues":["x","y"]}]}""");

        Assert.NotEqual(original.ContentHash, TaggingPolicyJson.Parse(changed).ContentHash);
    }

    [Fact]
    public void Content_hash_of_a_policy_edited_with_with_is_recomputed()
    {
        var original = ParsePolicy("""[{ "key": "A" }]""");
        _ = original.ContentHash;

        var edited = original with { Version = "other" };

        Assert.NotEqual(original.ContentHash, edited.ContentHash);
        Assert.NotEqual(original, edited);
    }

    [Fact]
    public void Evaluating_a_resource_gives_the_same_verdict_and_violations_as_evaluating_its_tags()
    {
        var evaluator = new PolicyEvaluator(TaggingPolicyJson.Parse(ShippedPolicyJson));
        var clean = new CloudResource("arn:aws:ec2:us-east-1:123456789012:instance/i-1", "ec2:instance", "us-east-1",
            [T("CostCenter", "CC-100"), T("Owner", "a@example.com"), T("Environment", "staging"), T("Application", "web")]);
        var broken = clean with { Tags = [T("costcenter", "CC-100"), T("Owner", "nobody")] };

        var (cleanVerdict, cleanViolations) = evaluator.Evaluate(clean);
        var (brokenVerdict, brokenViolations) = evaluator.Evaluate(broken);

        Assert.True(cleanVerdict.Compliant);
        Assert.True(cleanViolations.IsEmpty);
        Assert.Equal(evaluator.Evaluate(broken.Type, broken.Tags.AsSpan(), null), brokenVerdict);
        Assert.Equal(evaluator.Evaluate(broken.Type, [.. broken.Tags]).Violations, brokenViolations);
        Assert.Equal(
            [ViolationKind.KeyCaseMismatch, ViolationKind.InvalidFormat, ViolationKind.MissingRequiredTag, ViolationKind.MissingRequiredTag],
            brokenViolations.Select(v => v.Kind));
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(70, 5)]
    [InlineData(10, 400)]
    public void Large_policies_and_tag_sets_are_judged_the_same_way(int policyKeys, int extraTags)
    {
        var required = string.Join(", ", Enumerable.Range(0, policyKeys).Select(i => $$"""{ "key": "Key{{i}}", "allowedValues": ["ok"] }"""));
        var evaluator = Evaluator($"[{required}]");
        var tags = Enumerable.Range(0, extraTags).Select(i => T($"Other{i}", "x"))
            .Concat(Enumerable.Range(1, policyKeys - 1).Select(i => T($"Key{i}", i == 1 ? "bad" : i == 2 ? "" : "ok")))
            .Append(T("KEY3", "ok"))
            .ToArray();

        var (verdict, violations) = evaluator.Evaluate("ec2:instance", tags);

        Assert.Equal([("Key0", ViolationKind.MissingRequiredTag), ("Key1", ViolationKind.InvalidValue), ("Key2", ViolationKind.InvalidValue)],
            violations.Select(v => (v.TagKey, v.Kind)));
        Assert.Equal(3, verdict.Errors);
    }

    [Fact]
    public void Tag_without_a_value_is_treated_as_an_empty_value()
    {
        var evaluator = Evaluator("""[{ "key": "Environment", "allowedValues": ["production"] }]""");

        var (_, violations) = evaluator.Evaluate("ec2:instance", new Tag("Environment", null!));

        Assert.Equal((ViolationKind.InvalidValue, ""), (Assert.Single(violations).Kind, violations[0].CurrentValue));
    }

    [Fact]
    public void Violation_messages_name_the_tag_and_what_is_expected()
    {
        var evaluator = Evaluator("""[{ "key": "CostCenter", "allowedValues": ["CC-100"] }, { "key": "Owner", "pattern": "[a-z]+@example\\.com" }]""");

        var (_, violations) = evaluator.Evaluate("ec2:instance", T("CostCenter", "CC-9"));

        Assert.Equal("Tag 'CostCenter' has value 'CC-9'; expected one of: CC-100.", violations[0].Message);
        Assert.Equal(@"Required tag 'Owner' is missing; expected tag 'Owner' with a value matching the pattern [a-z]+@example\.com.",
            violations[1].Message);
    }

    [Fact]
    public void Requirements_for_a_type_are_those_that_apply_to_it()
    {
        var evaluator = new PolicyEvaluator(TaggingPolicyJson.Parse(ShippedPolicyJson));

        Assert.Equal(["CostCenter", "Owner", "Environment", "Application", "DataClassification"],
            evaluator.RequirementsFor("rds:db").Select(r => r.Key));
        Assert.Equal(["CostCenter", "Owner", "Environment"], evaluator.RequirementsFor("ec2:vpc").Select(r => r.Key));
        Assert.Empty(Evaluator("[]").RequirementsFor("ec2:vpc"));
    }
}
