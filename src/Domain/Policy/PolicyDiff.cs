using System.Collections.Immutable;

namespace FinOps.Domain.Policy;

/// <summary>The differences between two policies, tag by tag, for a preview before saving.</summary>
public sealed record PolicyDiff(ImmutableArray<PolicyChange> Changes, ImmutableArray<string> RuleChanges)
{
    /// <summary>Whether the two policies are the same.</summary>
    public bool IsEmpty => Changes.IsEmpty && RuleChanges.IsEmpty;

    /// <summary>Compares <paramref name="current"/> with <paramref name="proposed"/>.</summary>
    public static PolicyDiff Between(TaggingPolicy current, TaggingPolicy proposed)
    {
        var before = Index(current);
        var after = Index(proposed);
        var changes = ImmutableArray.CreateBuilder<PolicyChange>();

        foreach (var (key, (tag, required)) in after)
        {
            if (!before.TryGetValue(key, out var old))
            {
                changes.Add(new PolicyChange(PolicyChangeKind.Added, tag.Key, [Describe(tag, required)]));
                continue;
            }

            var details = FieldChanges(old.Tag, old.Required, tag, required);
            if (details.Length > 0)
            {
                changes.Add(new PolicyChange(PolicyChangeKind.Changed, tag.Key, details));
            }
        }

        foreach (var (key, (tag, _)) in before)
        {
            if (!after.ContainsKey(key))
            {
                changes.Add(new PolicyChange(PolicyChangeKind.Removed, tag.Key, []));
            }
        }

        var rules = ImmutableArray.CreateBuilder<string>();
        var (a, b) = (current.Rules, proposed.Rules);
        AddIf(rules, "caseSensitiveKeys", a.CaseSensitiveKeys, b.CaseSensitiveKeys);
        AddIf(rules, "caseSensitiveValues", a.CaseSensitiveValues, b.CaseSensitiveValues);
        AddIf(rules, "maxKeyLength", a.MaxKeyLength, b.MaxKeyLength);
        AddIf(rules, "maxValueLength", a.MaxValueLength, b.MaxValueLength);

        return new PolicyDiff([.. changes.OrderBy(c => c.Kind).ThenBy(c => c.TagKey, StringComparer.Ordinal)], rules.ToImmutable());
    }

    private static Dictionary<string, (TagRequirement Tag, bool Required)> Index(TaggingPolicy policy)
    {
        var map = new Dictionary<string, (TagRequirement, bool)>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in policy.RequiredTags)
        {
            map[t.Key] = (t, true);
        }

        foreach (var t in policy.OptionalTags)
        {
            map[t.Key] = (t, false);
        }

        return map;
    }

    private static string Describe(TagRequirement tag, bool required)
    {
        var parts = new List<string> { required ? $"required ({tag.Severity.ToWire()})" : "optional" };
        if (!tag.AllowedValues.IsDefaultOrEmpty)
        {
            parts.Add($"allowedValues {List(tag.AllowedValues)}");
        }

        if (tag.Pattern is not null)
        {
            parts.Add($"pattern {tag.Pattern}");
        }

        parts.Add(tag.AppliesTo.IsDefaultOrEmpty ? "applies to every type" : $"appliesTo {List(tag.AppliesTo)}");
        return string.Join(", ", parts);
    }

    private static ImmutableArray<string> FieldChanges(TagRequirement a, bool aRequired, TagRequirement b, bool bRequired)
    {
        var details = ImmutableArray.CreateBuilder<string>();
        if (a.Key != b.Key)
        {
            details.Add($"key: {a.Key} → {b.Key}");
        }

        if (aRequired != bRequired)
        {
            details.Add(bRequired ? "optional → required" : "required → optional");
        }
        else if (aRequired && a.Severity != b.Severity)
        {
            details.Add($"severity: {a.Severity.ToWire()} → {b.Severity.ToWire()}");
        }

        if (!a.AllowedValues.AsSpan().SequenceEqual(b.AllowedValues.AsSpan()))
        {
            details.Add($"allowedValues: {List(a.AllowedValues)} → {List(b.AllowedValues)}");
        }

        if (a.Pattern != b.Pattern)
        {
            details.Add($"pattern: {a.Pattern ?? "(none)"} → {b.Pattern ?? "(none)"}");
        }

        if (!a.AppliesTo.AsSpan().SequenceEqual(b.AppliesTo.AsSpan()))
        {
            details.Add($"appliesTo: {AppliesText(a.AppliesTo)} → {AppliesText(b.AppliesTo)}");
        }

        if (a.Description != b.Description)
        {
            details.Add("description changed");
        }

        return details.ToImmutable();
    }

    private static string AppliesText(ImmutableArray<string> types) => types.IsDefaultOrEmpty ? "every type" : List(types);

    private static string List(ImmutableArray<string> values) => values.IsDefaultOrEmpty ? "[]" : $"[{string.Join(", ", values)}]";

    private static void AddIf<T>(ImmutableArray<string>.Builder into, string name, T a, T b)
    {
        if (!EqualityComparer<T>.Default.Equals(a, b))
        {
            into.Add($"{name}: {a} → {b}");
        }
    }
}
