using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Policy;

/// <summary>Builds policies and evaluates tags for the policy tests.</summary>
internal static class PolicyFixture
{
    /// <summary>The shipped default policy document.</summary>
    public static string ShippedPolicyJson =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "tagging-policy.json"));

    /// <summary>A policy with the given requiredTags / optionalTags / rules JSON fragments.</summary>
    public static TaggingPolicy ParsePolicy(string requiredTags, string optionalTags = "[]", string rules = "{}") =>
        TaggingPolicyJson.Parse($$"""{ "version": "test", "requiredTags": {{requiredTags}}, "optionalTags": {{optionalTags}}, "rules": {{rules}} }""");

    public static PolicyEvaluator Evaluator(string requiredTags, string optionalTags = "[]", string rules = "{}") =>
        new(ParsePolicy(requiredTags, optionalTags, rules));

    public static (ResourceVerdict Verdict, List<TagViolation> Violations) Evaluate(
        this PolicyEvaluator evaluator, string resourceType, params Tag[] tags)
    {
        var found = new List<TagViolation>();
        var verdict = evaluator.Evaluate(resourceType, tags, found);
        return (verdict, found);
    }

    public static Tag T(string key, string value) => new(key, value);

    /// <summary>The validation errors of a document that must be rejected.</summary>
    public static IReadOnlyList<PolicyValidationError> Errors(string json)
    {
        var (policy, errors) = TaggingPolicyJson.Read(json);
        Assert.Null(policy);
        Assert.NotEmpty(errors);
        return errors;
    }
}
