using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Suggestions;
using FinOps.Tests.Unit.Policy;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Suggestions;

public sealed class TagSuggesterPropertyTests
{
    /// <summary>Name words: stage words in several spellings, application-like words, ids, and words no pattern accepts.</summary>
    private static readonly string[] NameWords =
        ["orders", "payments", "api", "web", "prod", "Prod", "stg", "staging", "dev", "pre", "qa", "a", "X", "Billing_Svc", "1a2b3c4d", "07", "public", "CC-100"];

    private static readonly Gen<string?> Names =
        Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (6, from count in Gen.Choose(1, 5)
                from words in Gen.Elements(NameWords).ArrayOf(count)
                from separator in Gen.Elements("-", "_", "/", ".")
                select (string?)string.Join(separator, words)));

    private static Gen<List<CloudResource>> Inventory(PolicyCase policyCase) =>
        from count in Gen.Choose(1, 15)
        from resources in Gen.CollectToList(Enumerable.Range(0, count), i =>
            from type in Gen.Elements("ec2:instance", "s3:bucket", "rds:db", "lambda:function")
            from name in Names
            from vpc in Gen.Elements<string?>(null, "vpc-a", "vpc-b")
            from tags in PolicyGenerators.AnyTags(policyCase)
            select new CloudResource($"arn:aws:{type.Split(':')[0]}:us-east-1:123456789012:{type.Split(':')[1]}/r-{i}", type, "us-east-1",
                [.. tags], name, null, null, type is "ec2:instance" or "rds:db" ? vpc : null))
        select resources;

    [Property(MaxTest = 100)]
    public Property No_suggestion_is_a_value_the_policy_rejects()
    {
        var cases =
            from policyCase in PolicyGenerators.PolicyCases
            from resources in Inventory(policyCase)
            select (policyCase.Policy, resources);

        return Prop.ForAll(Arb.From(cases), input =>
        {
            var result = SuggestionScan.Of(input.resources, input.Policy);
            var evaluator = result.Evaluator;
            foreach (var resource in result.Resources)
            {
                foreach (var suggestion in TagSuggester.Suggest(result, resource).Where(s => s.Kind == SuggestionKind.SetValue))
                {
                    var found = new List<TagViolation>();
                    evaluator.Evaluate(resource.Type, [new Tag(suggestion.TagKey, suggestion.Value)], found);
                    Assert.DoesNotContain(found, v => v.TagKey == suggestion.TagKey
                        && v.Kind is ViolationKind.InvalidValue or ViolationKind.InvalidFormat or ViolationKind.ValueTooLong);
                    Assert.InRange(suggestion.Confidence, 0.0, 1.0);
                }
            }
        });
    }
}
