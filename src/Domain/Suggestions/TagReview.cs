using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Suggestions;

/// <summary>
/// A resource's tags reviewed against the policy its scan was judged by: every tag it carries and every required tag
/// it lacks, each with the violations that concern it, what the policy expects, and suggested fixes
/// (<see cref="TagSuggester"/>). Rows follow the policy's order (required, then optional), then the keys it does not cover.
/// </summary>
public static class TagReview
{
    /// <summary>The review of one resource of <paramref name="result"/>.</summary>
    public static ImmutableArray<TagReviewRow> For(ComplianceResult result, EvaluatedResource resource)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(resource);
        var evaluator = result.Evaluator;
        var type = resource.Type;
        var tags = resource.Resource.Tags.IsDefault ? [] : resource.Resource.Tags;
        var suggestions = resource.Violations.IsDefaultOrEmpty ? [] : TagSuggester.Suggest(result, resource);

        // Each violation goes to the tag it is about: the misspelt key for a case mismatch, the key itself otherwise.
        var byTag = new List<TagViolation>[tags.Length];
        var missing = new List<TagViolation>();
        foreach (var violation in resource.Violations.IsDefault ? [] : resource.Violations)
        {
            var index = violation.Kind switch
            {
                ViolationKind.MissingRequiredTag => -1,
                ViolationKind.KeyCaseMismatch => IndexOf(tags, violation.CurrentValue, StringComparison.Ordinal),
                _ => IndexOf(tags, violation.TagKey, StringComparison.Ordinal) is var exact and >= 0
                    ? exact
                    : IndexOf(tags, violation.TagKey, StringComparison.OrdinalIgnoreCase),
            };
            if (index < 0)
            {
                missing.Add(violation);
            }
            else
            {
                (byTag[index] ??= []).Add(violation);
            }
        }

        var rows = new List<TagReviewRow>(tags.Length + missing.Count);
        for (var i = 0; i < tags.Length; i++)
        {
            var rule = evaluator.RuleFor(type, tags[i].Key);
            var found = byTag[i] is { } list ? [.. list] : ImmutableArray<TagViolation>.Empty;
            rows.Add(new TagReviewRow(tags[i].Key, tags[i].Value, rule?.Key, rule?.Required ?? false, rule?.ExpectedValue,
                found, rule is null || found.IsEmpty ? [] : For(suggestions, rule.Key)));
        }

        foreach (var group in missing.GroupBy(v => v.TagKey, StringComparer.Ordinal))
        {
            var rule = evaluator.RuleFor(type, group.Key);
            rows.Add(new TagReviewRow(group.Key, null, rule?.Key ?? group.Key, rule?.Required ?? true, rule?.ExpectedValue,
                [.. group], For(suggestions, group.Key)));
        }

        var order = PolicyOrder(evaluator.Policy);
        return [.. rows.OrderBy(r => r.PolicyKey is { } key && order.TryGetValue(key, out var at) ? at : int.MaxValue)
            .ThenBy(r => r.Key, StringComparer.OrdinalIgnoreCase)];
    }

    private static ImmutableArray<TagSuggestion> For(ImmutableArray<TagSuggestion> suggestions, string key) =>
        [.. suggestions.Where(s => s.TagKey == key)];

    private static Dictionary<string, int> PolicyOrder(TaggingPolicy policy)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tag in policy.RequiredTags.Concat(policy.OptionalTags))
        {
            order.TryAdd(tag.Key, order.Count);
        }

        return order;
    }

    private static int IndexOf(ImmutableArray<Tag> tags, string? key, StringComparison comparison)
    {
        for (var i = 0; key is not null && i < tags.Length; i++)
        {
            if (string.Equals(tags[i].Key, key, comparison))
            {
                return i;
            }
        }

        return -1;
    }
}
