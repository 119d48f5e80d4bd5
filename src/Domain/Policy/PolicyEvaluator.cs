using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    private readonly (string Key, int Slot)[]?[] _rulesByKeyLength;
    private readonly int _slotCount;
    private readonly PolicyRules _rules;
    private readonly string _keyLengthExpected;
    private readonly string _valueLengthExpected;

    public PolicyEvaluator(TaggingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        _rules = policy.Rules;
        var required = policy.RequiredTags.Select((t, slot) => new TagRule(t, required: true, _rules, slot)).ToArray();
        // Types named in appliesTo are included even if the catalogue lacks them (a policy built in code).
        _requiredByType = ResourceCatalogue.All.Select(t => t.Name)
            .Concat(required.SelectMany(r => r.Requirement.AppliesTo.IsDefault ? [] : r.Requirement.AppliesTo))
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(
                name => name,
                name => required.Where(r => r.Requirement.AppliesToType(name)).ToArray(),
                StringComparer.Ordinal);
        _requiredForUnknownTypes = [.. required.Where(r => r.Requirement.AppliesTo.IsDefaultOrEmpty)];
        _optional = [.. policy.OptionalTags.Select((t, i) => new TagRule(t, required: false, _rules, required.Length + i))];

        // Every policy key indexed by its length: one pass over a resource's tags then finds every key the policy
        // names, comparing each tag with the (usually zero or one) policy keys of the same length.
        var all = required.Concat(_optional).ToArray();
        _slotCount = all.Length;
        _rulesByKeyLength = new (string, int)[]?[all.Length == 0 ? 0 : all.Max(r => r.Key.Length) + 1];
        foreach (var group in all.GroupBy(r => r.Key.Length))
        {
            _rulesByKeyLength[group.Key] = [.. group.Select(r => (r.Key, r.Slot))];
        }

        _keyLengthExpected = $"keys of at most {_rules.MaxKeyLength} characters";
        _valueLengthExpected = $"values of at most {_rules.MaxValueLength} characters";
    }

    /// <summary>The policy being enforced.</summary>
    public TaggingPolicy Policy { get; }

    /// <summary>Whether resources of a type are in scope (some required tag applies).</summary>
    public bool IsInScope(string resourceType) => RequiredFor(resourceType).Length > 0;

    /// <summary>The required tags that apply to a type.</summary>
    public IEnumerable<TagRequirement> RequirementsFor(string resourceType) => RequiredFor(resourceType).Select(r => r.Requirement);

    /// <summary>
    /// Evaluates a resource, returning its violations as an immutable array (empty when none). A resource without
    /// violations costs no allocation; the violations are gathered by a second pass only when there are some.
    /// </summary>
    public (ResourceVerdict Verdict, ImmutableArray<TagViolation> Violations) Evaluate(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var verdict = Evaluate(resource.Type, resource.Tags.AsSpan(), null);
        if (verdict.Errors + verdict.Warnings == 0)
        {
            return (verdict, []);
        }

        var found = new List<TagViolation>(verdict.Errors + verdict.Warnings);
        verdict = Evaluate(resource.Type, resource.Tags.AsSpan(), found);
        return (verdict, [.. found]);
    }

    /// <summary>
    /// Evaluates one resource's tags, appending any violations to <paramref name="violations"/> (when given).
    /// Allocation-free when there is nothing to report, and whenever <paramref name="violations"/> is null.
    /// </summary>
    public ResourceVerdict Evaluate(string resourceType, ReadOnlySpan<Tag> tags, List<TagViolation>? violations)
    {
        var rules = RequiredFor(resourceType);
        var tally = new Tally();

        // Where each policy key sits among the tags, found in one pass. Policies with more keys than the fixed
        // buffer holds (or resources with absurdly many tags) fall back to a scan per key: same answers, slower.
        var positions = default(KeyPositions);
        var located = _slotCount <= KeyPositions.Capacity && tags.Length < byte.MaxValue;
        if (located)
        {
            LocateKeys(tags, ref positions);
        }

        foreach (var rule in rules)
        {
            CheckRule(rule, tags, located ? positions[rule.Slot] - 1 : IndexOfExact(tags, rule.Key), violations, ref tally);
        }

        foreach (var rule in _optional)
        {
            CheckRule(rule, tags, located ? positions[rule.Slot] - 1 : IndexOfExact(tags, rule.Key), violations, ref tally);
        }

        // Length limits apply to every tag, whether or not the policy names it, and are advisory.
        foreach (var tag in tags)
        {
            var key = tag.Key ?? "";
            if (key.Length > _rules.MaxKeyLength)
            {
                tally.Warnings++;
                violations?.Add(new TagViolation(ViolationKind.ValueTooLong, key, Severity.Warning, key, _keyLengthExpected));
            }

            if ((tag.Value?.Length ?? 0) > _rules.MaxValueLength)
            {
                tally.Warnings++;
                violations?.Add(new TagViolation(ViolationKind.ValueTooLong, key, Severity.Warning, tag.Value, _valueLengthExpected));
            }
        }

        return new ResourceVerdict(rules.Length > 0, tally.Errors, tally.Warnings);
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

    // `violations?.Add(new …)` evaluates the `new` only when a list was given, so counting alone never allocates.
    private void CheckRule(TagRule rule, ReadOnlySpan<Tag> tags, int index, List<TagViolation>? violations, ref Tally tally)
    {
        if (index < 0)
        {
            index = IndexOfIgnoringCase(tags, rule.Key);
            if (index < 0)
            {
                if (rule.Required)
                {
                    tally.Add(rule.Severity);
                    violations?.Add(rule.Missing);
                }

                return;
            }

            if (_rules.CaseSensitiveKeys)
            {
                tally.Add(rule.Severity);
                violations?.Add(new TagViolation(ViolationKind.KeyCaseMismatch, rule.Key, rule.Severity, tags[index].Key, rule.CaseExpected));
                return;
            }
        }

        // An over-long value is also reported as value_too_long, but it must still satisfy the rule: a limit below
        // AWS's own must not turn an invalid required value into a mere warning.
        var value = tags[index].Value ?? "";
        if (!rule.IsAllowed(value))
        {
            tally.Add(rule.Severity);
            violations?.Add(new TagViolation(ViolationKind.InvalidValue, rule.Key, rule.Severity, value, rule.AllowedText!));
        }

        if (!rule.MatchesPattern(value))
        {
            tally.Add(rule.Severity);
            violations?.Add(new TagViolation(ViolationKind.InvalidFormat, rule.Key, rule.Severity, value, rule.PatternText!));
        }
    }

    // Records 1 + the index of the first tag under each policy key (0: absent).
    private void LocateKeys(ReadOnlySpan<Tag> tags, ref KeyPositions positions)
    {
        var byLength = _rulesByKeyLength;
        for (var i = 0; i < tags.Length; i++)
        {
            var key = tags[i].Key;
            if (key is null || (uint)key.Length >= (uint)byLength.Length || byLength[key.Length] is not { } candidates)
            {
                continue;
            }

            foreach (var (candidate, slot) in candidates)
            {
                // The first tag under a key wins (AWS never returns a key twice; a source that did stays consistent).
                if (positions[slot] == 0 && string.Equals(key, candidate))
                {
                    positions[slot] = (byte)(i + 1);
                    break;
                }
            }
        }
    }

    private static int IndexOfExact(ReadOnlySpan<Tag> tags, string key)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (string.Equals(tags[i].Key, key))
            {
                return i;
            }
        }

        return -1;
    }

    // AWS keys are case-sensitive, so a resource may carry several variants ("environment" and "ENVIRONMENT").
    // The one whose key sorts first (ordinal) is used, so the outcome never depends on the order of the tags.
    private static int IndexOfIgnoringCase(ReadOnlySpan<Tag> tags, string key)
    {
        var found = -1;
        for (var i = 0; i < tags.Length; i++)
        {
            if (string.Equals(tags[i].Key, key, StringComparison.OrdinalIgnoreCase)
                && (found < 0 || string.CompareOrdinal(tags[i].Key, tags[found].Key) < 0))
            {
                found = i;
            }
        }

        return found;
    }

    /// <summary>Per rule slot, 1 + the index of the tag under its exact key, or 0. Lives on the stack, zeroed.</summary>
    [InlineArray(Capacity)]
    private struct KeyPositions
    {
        public const int Capacity = 64;

        private byte _first;
    }

    private struct Tally
    {
        public int Errors;
        public int Warnings;

        public void Add(Severity severity)
        {
            if (severity == Severity.Error)
            {
                Errors++;
            }
            else
            {
                Warnings++;
            }
        }
    }
}
