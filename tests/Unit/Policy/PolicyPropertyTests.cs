using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Policy;

/// <summary>FsCheck properties of the policy engine.</summary>
public sealed class PolicyPropertyTests
{
    private static string Describe(IEnumerable<TagViolation> violations) =>
        string.Join(" | ", violations
            .Select(v => $"{v.Kind}/{v.TagKey}/{v.Severity}/{v.CurrentValue}/{v.Expected}")
            .Order(StringComparer.Ordinal));

    [Property(MaxTest = 300)]
    public Property Evaluation_is_deterministic_and_independent_of_tag_order()
    {
        var gen =
            from policyCase in PolicyGenerators.PolicyCases
            from type in PolicyGenerators.ResourceTypes
            from tags in PolicyGenerators.AnyTags(policyCase)
            from shuffled in Gen.Shuffle(tags.ToArray())
            select (policyCase, type, tags, shuffled);

        return Prop.ForAll(Arb.From(gen), input =>
        {
            var evaluator = new PolicyEvaluator(input.policyCase.Policy);
            var again = new PolicyEvaluator(TaggingPolicyJson.Parse(TaggingPolicyJson.Serialize(input.policyCase.Policy)));
            var first = new List<TagViolation>();
            var second = new List<TagViolation>();
            var reordered = new List<TagViolation>();

            var v1 = evaluator.Evaluate(input.type, input.tags.ToArray(), first);
            var v2 = again.Evaluate(input.type, input.tags.ToArray(), second);
            var v3 = evaluator.Evaluate(input.type, input.shuffled.ToArray(), reordered);
            var counted = evaluator.Evaluate(input.type, input.shuffled.ToArray(), null);

            return (v1 == v2 && v1 == v3 && v1 == counted
                    && first.SequenceEqual(second)
                    && Describe(first) == Describe(reordered)
                    && v1.Errors + v1.Warnings == first.Count)
                .Label($"{v1} {v2} {v3} {counted}\n{Describe(first)}\n{Describe(reordered)}");
        });
    }

    [Property(MaxTest = 300)]
    public Property Resource_with_every_applicable_required_tag_set_to_an_allowed_value_has_no_error_violations()
    {
        var gen =
            from policyCase in PolicyGenerators.PolicyCases
            from type in PolicyGenerators.ResourceTypes
            let applicable = policyCase.Policy.RequiredTags.Where(t => t.AppliesToType(type)).Select(t => t.Key).ToList()
            from required in Gen.CollectToList(applicable, key =>
                from value in policyCase.ValidValues[key]
                from valueCase in policyCase.Policy.Rules.CaseSensitiveValues ? Gen.Constant(value) : PolicyGenerators.CaseVariant(value)
                from keyCase in policyCase.Policy.Rules.CaseSensitiveKeys ? Gen.Constant(key) : PolicyGenerators.CaseVariant(key)
                select new Tag(keyCase, valueCase))
            from noise in PolicyGenerators.NoiseTags
            from tags in Gen.Shuffle(required.Concat(noise))
            select (policyCase, type, applicable, tags);

        return Prop.ForAll(Arb.From(gen), input =>
        {
            var found = new List<TagViolation>();
            var verdict = new PolicyEvaluator(input.policyCase.Policy).Evaluate(input.type, input.tags, found);

            return (verdict.Errors == 0
                    && found.All(v => v.Severity == Severity.Warning)
                    && verdict.InScope == (input.applicable.Count > 0)
                    && verdict.Compliant == verdict.InScope)
                .Label($"{verdict}: {Describe(found)}");
        });
    }

    [Property(MaxTest = 300)]
    public Property Policy_JSON_serialize_then_parse_preserves_the_policy_and_its_hash()
    {
        return Prop.ForAll(Arb.From(PolicyGenerators.PolicyCases), policyCase =>
        {
            var policy = policyCase.Policy;
            var compact = TaggingPolicyJson.Parse(TaggingPolicyJson.Serialize(policy, indented: false));
            var indented = TaggingPolicyJson.Parse(TaggingPolicyJson.Serialize(policy, indented: true));

            return (compact.Version == policy.Version
                    && compact.Rules == policy.Rules
                    && compact.RequiredTags.SequenceEqual(policy.RequiredTags)
                    && compact.OptionalTags.SequenceEqual(policy.OptionalTags)
                    && compact.ContentHash == policy.ContentHash
                    && indented.ContentHash == policy.ContentHash
                    && compact.Equals(policy))
                .Label(TaggingPolicyJson.Serialize(compact, indented: false));
        });
    }

    [Property(MaxTest = 200)]
    public Property Content_hash_changes_when_a_tag_is_added()
    {
        return Prop.ForAll(Arb.From(PolicyGenerators.PolicyCases), policyCase =>
        {
            var policy = policyCase.Policy;
            var extended = policy with { OptionalTags = policy.OptionalTags.Add(new TagRequirement("Extra", null, [], null, [], Severity.Warning)) };

            return extended.ContentHash != policy.ContentHash && !extended.Equals(policy);
        });
    }
}
