using System.Collections.Frozen;
using System.Collections.Immutable;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Policy;

/// <summary>
/// Evaluates resources' tags against one <see cref="TaggingPolicy"/>. Built once per policy; evaluation of a
/// compliant resource allocates nothing (it runs millions of times per scan), violations are allocated only when
/// found. Thread-safe.
/// </summary>
public sealed class PolicyEvaluator
{
    private readonly FrozenDictionary<string, TagRule[]> _requiredByType;
    private readonly TagRule[] _requiredForUnknownTypes;
    private readonly TagRule[] _optional;
    private readonly PolicyRules _rules;
    private readonly string _keyLengthExpected;
    private readonly string _valueLengthExpected;

    public PolicyEvaluator(TaggingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        _rules = policy.Rules;
        var required = policy.RequiredTags.Select(t => new TagRule(t, required: true, _rules)).ToArray();
        _requiredByType = ResourceCatalogue.All.ToFrozenDictionary(
            t => t.Name,
            t => required.Where(r => r.Requirement.AppliesToType(t.Name)).ToArray(),
            StringComparer.Ordinal);
        _requiredForUnknownTypes = [.. required.Where(r => r.Requirement.AppliesTo.IsDefaultOrEmpty)];
        _optional = [.. policy.OptionalTags.Select(t => new TagRule(t, required: false, _rules))];
        _keyLengthExpected = $"keys of at most {_rules.MaxKeyLength} characters";
        _valueLengthExpected = $"values of at most {_rules.MaxValueLength} characters";
    }

    /// <summary>The policy being enforced.</summary>
    public TaggingPolicy Policy { get; }

    /// <summary>Whether resources of a type are in scope (some required tag applies).</summary>
    public bool IsInScope(string resourceType) => RequiredFor(resourceType).Length > 0;

    /// <summary>The required tags that apply to a type.</summary>
    public IEnumerable<TagRequirement> RequirementsFor(string resourceType) => RequiredFor(resourceType).Select(r => r.Requirement);

    /// <summary>Evaluates a resource, returning its violations as an immutable array (empty when none).</summary>
    public (ResourceVerdict Verdict, ImmutableArray<TagViolation> Violations) Evaluate(CloudResource resource)
    {
        var found = new List<TagViolation>();
        var verdict = Evaluate(resource.Type, resource.Tags.AsSpan(), found);
        return (verdict, found.Count == 0 ? [] : [.. found]);
    }

    /// <summary>
    /// Evaluates one resource's tags, appending any violations to <paramref name="violations"/> (when given).
    /// Allocation-free when there is nothing to report.
    /// </summary>
    public ResourceVerdict Evaluate(string resourceType, ReadOnlySpan<Tag> tags, List<TagViolation>? violations)
    {
        var rules = RequiredFor(resourceType);
        int errors = 0, warnings = 0;

        foreach (var rule in rules)
        {
            CheckRule(rule, tags, violations, ref errors, ref warnings);
        }

        foreach (var rule in _optional)
        {
            CheckRule(rule, tags, violations, ref errors, ref warnings);
        }

        foreach (var tag in tags)
        {
            if (tag.Key.Length > _rules.MaxKeyLength)
            {
                Report(new TagViolation(ViolationKind.ValueTooLong, tag.Key, Severity.Warning, tag.Key, _keyLengthExpected),
                    violations, ref errors, ref warnings);
            }
            else if (tag.Value.Length > _rules.MaxValueLength)
            {
                Report(new TagViolation(ViolationKind.ValueTooLong, tag.Key, Severity.Warning, tag.Value, _valueLengthExpected),
                    violations, ref errors, ref warnings);
            }
        }

        return new ResourceVerdict(rules.Length > 0, errors, warnings);
    }

    /// <summary>What the policy accepts for a tag on a type ("one of: …", "a value matching …"), or null when no rule covers the key.</summary>
    public string? ExpectedValue(string resourceType, string key) => RuleFor(resourceType, key)?.ExpectedValue;

    /// <summary>The required (for the type) or optional rule of a key, matched in exact letter case first.</summary>
    internal TagRule? RuleFor(string resourceType, string key) =>
        Find(RequiredFor(resourceType), key, StringComparison.Ordinal) ?? Find(_optional, key, StringComparison.Ordinal)
        ?? Find(RequiredFor(resourceType), key, StringComparison.OrdinalIgnoreCase) ?? Find(_optional, key, StringComparison.OrdinalIgnoreCase);

    private static TagRule? Find(TagRule[] rules, string key, StringComparison comparison)
    {
        foreach (var rule in rules)
        {
            if (string.Equals(rule.Key, key, comparison))
            {
                return rule;
            }
        }

        return null;
    }

    private TagRule[] RequiredFor(string resourceType) =>
        _requiredByType.TryGetValue(resourceType, out var rules) ? rules : _requiredForUnknownTypes;

    private void CheckRule(TagRule rule, ReadOnlySpan<Tag> tags, List<TagViolation>? violations, ref int errors, ref int warnings)
    {
        var index = IndexOf(tags, rule.Key, StringComparison.Ordinal);
        if (index < 0)
        {
            index = IndexOf(tags, rule.Key, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                if (rule.Required)
                {
                    Report(rule.Missing, violations, ref errors, ref warnings);
                }

                return;
            }

            if (_rules.CaseSensitiveKeys)
            {
                Report(new TagViolation(ViolationKind.KeyCaseMismatch, rule.Key, rule.Severity, tags[index].Key, rule.CaseExpected),
                    violations, ref errors, ref warnings);
                return;
            }
        }

        var value = tags[index].Value;
        if (value.Length > _rules.MaxValueLength)
        {
            return; // reported once by the length check over every tag
        }

        if (rule.Allowed is { } allowed && !allowed.Contains(value))
        {
            Report(new TagViolation(ViolationKind.InvalidValue, rule.Key, rule.Severity, value, rule.AllowedText!),
                violations, ref errors, ref warnings);
        }

        if (rule.Pattern is { } pattern && !pattern.IsMatch(value))
        {
            Report(new TagViolation(ViolationKind.InvalidFormat, rule.Key, rule.Severity, value, rule.PatternText!),
                violations, ref errors, ref warnings);
        }
    }

    private static int IndexOf(ReadOnlySpan<Tag> tags, string key, StringComparison comparison)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (string.Equals(tags[i].Key, key, comparison))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Report(TagViolation violation, List<TagViolation>? violations, ref int errors, ref int warnings)
    {
        if (violation.Severity == Severity.Error)
        {
            errors++;
        }
        else
        {
            warnings++;
        }

        violations?.Add(violation);
    }
}
