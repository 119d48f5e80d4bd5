using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using static FinOps.Tests.Unit.Policy.PolicyFixture;

namespace FinOps.Tests.Unit.Policy;

/// <summary>Loading, validating and writing the policy document.</summary>
public sealed class TaggingPolicyJsonTests
{
    [Fact]
    public void Shipped_default_policy_loads_with_five_required_tags()
    {
        var policy = TaggingPolicyJson.Parse(ShippedPolicyJson);

        Assert.Equal(["CostCenter", "Owner", "Environment", "Application", "DataClassification"], policy.RequiredTags.Select(t => t.Key));
        Assert.Equal("Project", Assert.Single(policy.OptionalTags).Key);
        Assert.Equal(Severity.Warning, policy.RequiredTags[4].Severity);
        Assert.Equal(new PolicyRules(true, true, 128, 256), policy.Rules);
    }

    [Fact]
    public void Bad_regex_is_rejected_naming_the_tag_and_the_problem()
    {
        var error = Assert.Single(Errors("""{ "requiredTags": [{ "key": "Owner", "pattern": "([a-z]+" }] }"""));

        Assert.Equal(("requiredTags[0].pattern", "Owner"), (error.Path, error.TagKey));
        Assert.Contains("'([a-z]+' is not a valid regular expression", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("requiredTags[0].pattern (tag 'Owner'):", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pattern_that_cannot_be_anchored_is_rejected_naming_the_tag()
    {
        var error = Assert.Single(Errors("""{ "optionalTags": [{ "key": "Code", "pattern": "(?x)abc # a comment" }] }"""));

        Assert.Equal(("optionalTags[0].pattern", "Code"), (error.Path, error.TagKey));
        Assert.Contains("cannot be anchored", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pattern_that_needs_backtracking_is_rejected_naming_the_tag()
    {
        var error = Assert.Single(Errors("""{ "requiredTags": [{ "key": "Owner", "pattern": "(?!test).+" }] }"""));

        Assert.Equal(("requiredTags[0].pattern", "Owner"), (error.Path, error.TagKey));
        Assert.Contains("cannot run in linear time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_pattern_is_rejected_naming_the_tag()
    {
        var pattern = new string('a', TagValuePattern.MaxPatternLength + 1);
        var error = Assert.Single(Errors($$"""{ "requiredTags": [{ "key": "Code", "pattern": "{{pattern}}" }] }"""));

        Assert.Equal("Code", error.TagKey);
        Assert.Contains("at most 512", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_resource_type_in_appliesTo_is_rejected_naming_the_tag_the_type_and_the_valid_types()
    {
        var error = Assert.Single(Errors("""{ "requiredTags": [{ "key": "Owner", "appliesTo": ["ec2:instance", "ec2:instances"] }] }"""));

        Assert.Equal(("requiredTags[0].appliesTo", "Owner"), (error.Path, error.TagKey));
        Assert.Contains("unknown resource type 'ec2:instances'", error.Message, StringComparison.Ordinal);
        Assert.Contains(ResourceCatalogue.ValidTypeList, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_rejected_naming_both_places()
    {
        var error = Assert.Single(Errors("""{ "requiredTags": [{ "key": "Owner" }, { "key": "Owner" }] }"""));

        Assert.Equal(("requiredTags[1].key", "Owner"), (error.Path, error.TagKey));
        Assert.Contains("duplicate key", error.Message, StringComparison.Ordinal);
        Assert.Contains("requiredTags[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_differing_only_in_case_are_duplicates_also_across_required_and_optional()
    {
        var errors = Errors("""{ "requiredTags": [{ "key": "Owner" }, { "key": "OWNER" }], "optionalTags": [{ "key": "owner" }] }""");

        Assert.Equal([("requiredTags[1].key", "OWNER"), ("optionalTags[0].key", "owner")], errors.Select(e => (e.Path, e.TagKey)));
        Assert.All(errors, e => Assert.Contains("already defined at requiredTags[0]", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "key": "" }""")]
    [InlineData("""{ "key": "   " }""")]
    [InlineData("""{ "description": "no key at all" }""")]
    public void Empty_key_is_rejected_naming_the_element(string tag)
    {
        var error = Assert.Single(Errors($$"""{ "requiredTags": [{ "key": "Owner" }, {{tag}}] }"""));

        Assert.Equal("requiredTags[1].key", error.Path);
        Assert.Contains("key is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_reserved_by_AWS_is_rejected_naming_it()
    {
        var error = Assert.Single(Errors("""{ "requiredTags": [{ "key": "aws:createdBy" }] }"""));

        Assert.Equal("aws:createdBy", error.TagKey);
        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maxKeyLength", "0", "from 1 to 128")]
    [InlineData("maxKeyLength", "129", "from 1 to 128")]
    [InlineData("maxKeyLength", "-5", "from 1 to 128")]
    [InlineData("maxValueLength", "257", "from 1 to 256")]
    [InlineData("maxValueLength", "12.5", "from 1 to 256")]
    [InlineData("maxValueLength", "\"100\"", "from 1 to 256")]
    public void Limits_out_of_range_are_rejected_naming_the_limit_and_the_range(string limit, string value, string range)
    {
        var error = Assert.Single(Errors($$"""{ "requiredTags": [], "rules": { "{{limit}}": {{value}} } }"""));

        Assert.Equal($"rules.{limit}", error.Path);
        Assert.Contains(range, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_longer_than_maxKeyLength_is_rejected_naming_it()
    {
        var error = Assert.Single(Errors("""{ "requiredTags": [{ "key": "CostCenter" }], "rules": { "maxKeyLength": 5 } }"""));

        Assert.Equal(("requiredTags[0].key", "CostCenter"), (error.Path, error.TagKey));
        Assert.Contains("maxKeyLength is 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_value_longer_than_maxValueLength_is_rejected_naming_the_tag()
    {
        var error = Assert.Single(Errors("""{ "requiredTags": [{ "key": "Env", "allowedValues": ["production"] }], "rules": { "maxValueLength": 4 } }"""));

        Assert.Equal(("requiredTags[0].allowedValues", "Env"), (error.Path, error.TagKey));
        Assert.Contains("longer than rules.maxValueLength (4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_allowed_value_is_rejected_naming_the_tag()
    {
        var error = Assert.Single(Errors("""{ "requiredTags": [{ "key": "Env", "allowedValues": ["prod", ""] }] }"""));

        Assert.Equal(("requiredTags[0].allowedValues", "Env"), (error.Path, error.TagKey));
        Assert.Contains("empty string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_value_the_pattern_rejects_is_reported_as_unusable()
    {
        var error = Assert.Single(Errors("""{ "requiredTags": [{ "key": "CostCenter", "allowedValues": ["CC-100", "finance"], "pattern": "CC-[0-9]+" }] }"""));

        Assert.Equal("CostCenter", error.TagKey);
        Assert.Contains("'finance' does not match the tag's pattern CC-[0-9]+", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "requiredTags": [], "owner": "me" }""", "owner", null)]
    [InlineData("""{ "requiredTags": [{ "key": "Owner", "required": true }] }""", "requiredTags[0].required", "Owner")]
    [InlineData("""{ "requiredTags": [], "rules": { "ignoreCase": true } }""", "rules.ignoreCase", null)]
    [InlineData("""{ "optionalTags": [{ "key": "Project", "severity": "error" }] }""", "optionalTags[0].severity", "Project")]
    public void Unknown_property_is_rejected_naming_it_and_what_is_accepted(string json, string path, string? tag)
    {
        var error = Assert.Single(Errors(json));

        Assert.Equal((path, tag), (error.Path, error.TagKey));
        Assert.Contains("unknown property", error.Message, StringComparison.Ordinal);
        Assert.Contains("accepted here:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "requiredTags": { "key": "Owner" } }""", "requiredTags", "must be an array")]
    [InlineData("""{ "requiredTags": ["Owner"] }""", "requiredTags[0]", "must be an object")]
    [InlineData("""{ "requiredTags": [{ "key": 42 }] }""", "requiredTags[0].key", "must be a string; got the number 42")]
    [InlineData("""{ "requiredTags": [{ "key": "Env", "allowedValues": "prod" }] }""", "requiredTags[0].allowedValues", "must be an array of strings")]
    [InlineData("""{ "requiredTags": [{ "key": "Env", "appliesTo": ["s3:bucket", 7] }] }""", "requiredTags[0].appliesTo", "must be an array of strings")]
    [InlineData("""{ "requiredTags": [{ "key": "Env", "pattern": ["a"] }] }""", "requiredTags[0].pattern", "must be a string; got an array")]
    [InlineData("""{ "requiredTags": [{ "key": "Env", "severity": "fatal" }] }""", "requiredTags[0].severity", "'fatal' is not a severity")]
    [InlineData("""{ "requiredTags": [], "rules": { "caseSensitiveKeys": "yes" } }""", "rules.caseSensitiveKeys", "must be true or false")]
    [InlineData("""{ "requiredTags": [], "rules": [] }""", "rules", "must be an object")]
    [InlineData("""{ "version": 3, "requiredTags": [] }""", "version", "must be a string")]
    public void Wrong_JSON_types_are_rejected_naming_the_element(string json, string path, string problem)
    {
        var error = Assert.Single(Errors(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_in_a_tag_name_the_tag_they_belong_to()
    {
        var error = Assert.Single(Errors("""{ "requiredTags": [{ "key": "Env", "allowedValues": "prod" }] }"""));

        Assert.Equal("Env", error.TagKey);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{ \"requiredTags\": [ }")]
    [InlineData("{ \"requiredTags\": [], }")]
    public void Non_JSON_is_rejected_saying_so_with_the_position(string json)
    {
        var error = Assert.Single(Errors(json));

        Assert.Equal("$", error.Path);
        Assert.Contains("not valid JSON at line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_JSON_property_is_rejected_naming_it()
    {
        var error = Assert.Single(Errors("""{ "requiredTags": [{ "key": "Owner", "pattern": "[a-z]+", "pattern": ".*" }] }"""));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("Duplicate property 'pattern'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("[]")]
    [InlineData("\"policy\"")]
    public void Empty_document_or_non_object_is_rejected(string? json)
    {
        var (policy, errors) = TaggingPolicyJson.Read(json);

        Assert.Null(policy);
        Assert.Contains("requiredTags", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_document_is_rejected_before_it_is_parsed()
    {
        var json = "{ \"version\": \"" + new string('x', TaggingPolicyJson.MaxDocumentBytes) + "\", \"requiredTags\": [] }";

        var error = Assert.Single(Errors(json));

        Assert.Contains("larger than 1024 KiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_document_is_rejected()
    {
        var json = "{ \"requiredTags\": [{ \"key\": \"A\", \"description\": " + new string('[', 40) + new string(']', 40) + " }] }";

        Assert.Single(Errors(json));
    }

    [Fact]
    public void Too_many_tags_are_rejected()
    {
        var tags = string.Join(", ", Enumerable.Range(0, TaggingPolicyJson.MaxTags + 1).Select(i => $$"""{ "key": "Tag{{i}}" }"""));

        var error = Assert.Single(Errors($$"""{ "requiredTags": [{{tags}}] }"""));

        Assert.Contains("at most 200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = Errors("""
            { "requiredTags": [
                { "key": "Owner", "pattern": "[" },
                { "key": "", "appliesTo": ["nope:nope"] },
                { "key": "Team", "appliesTo": ["ec2:instanse"] }
              ],
              "rules": { "maxValueLength": 0 } }
            """);

        Assert.Equal(["rules.maxValueLength", "requiredTags[0].pattern", "requiredTags[1].key", "requiredTags[1].appliesTo", "requiredTags[2].appliesTo"],
            errors.Select(e => e.Path));
        var thrown = Assert.Throws<InvalidPolicyException>(() => TaggingPolicyJson.Parse("""{ "requiredTags": [{ "key": "Owner", "pattern": "[" }, { "key": "" }] }"""));
        Assert.Equal(2, thrown.Errors.Length);
    }

    [Fact]
    public void Absent_members_take_their_defaults()
    {
        var policy = TaggingPolicyJson.Parse("""{ "requiredTags": [{ "key": "Owner" }] }""");

        Assert.Equal("", policy.Version);
        Assert.Empty(policy.OptionalTags);
        Assert.Equal(PolicyRules.Default, policy.Rules);
        var owner = policy.RequiredTags[0];
        Assert.Equal((Severity.Error, null, null), (owner.Severity, owner.Pattern, owner.Description));
        Assert.Empty(owner.AllowedValues);
        Assert.Empty(owner.AppliesTo);
    }

    [Fact]
    public void Duplicate_allowed_values_and_types_are_kept_once()
    {
        var tag = TaggingPolicyJson.Parse("""{ "requiredTags": [{ "key": "Env", "allowedValues": ["a", "b", "a"], "appliesTo": ["s3:bucket", "s3:bucket"] }] }""").RequiredTags[0];

        Assert.Equal(["a", "b"], tag.AllowedValues.AsEnumerable());
        Assert.Equal(["s3:bucket"], tag.AppliesTo.AsEnumerable());
    }

    [Fact]
    public void Serialized_policy_parses_back_to_the_same_policy()
    {
        var original = TaggingPolicyJson.Parse(ShippedPolicyJson);

        var compact = TaggingPolicyJson.Parse(TaggingPolicyJson.Serialize(original, indented: false));
        var indented = TaggingPolicyJson.Parse(TaggingPolicyJson.Serialize(original, indented: true));

        Assert.Equal<TagRequirement>(original.RequiredTags, compact.RequiredTags);
        Assert.Equal<TagRequirement>(original.OptionalTags, compact.OptionalTags);
        Assert.Equal((original.Version, original.Rules), (compact.Version, compact.Rules));
        Assert.Equal(original.ContentHash, compact.ContentHash);
        Assert.Equal(original.ContentHash, indented.ContentHash);
        Assert.Equal(TaggingPolicyJson.Serialize(original), TaggingPolicyJson.Serialize(indented));
    }

    [Fact]
    public void Serialization_writes_the_canonical_form()
    {
        var policy = TaggingPolicyJson.Parse("""
            { "rules": { "maxValueLength": 200 }, "optionalTags": [{ "key": "P", "description": "" }],
              "requiredTags": [{ "severity": "warning", "key": "A", "pattern": "x+", "description": "d" }], "version": "v" }
            """);

        Assert.Equal(
            """{"version":"v","requiredTags":[{"key":"A","description":"d","pattern":"x+","severity":"warning"}],"optionalTags":[{"key":"P"}],"rules":{"caseSensitiveKeys":true,"caseSensitiveValues":true,"maxKeyLength":128,"maxValueLength":200}}""",
            TaggingPolicyJson.Serialize(policy, indented: false));
    }
}
