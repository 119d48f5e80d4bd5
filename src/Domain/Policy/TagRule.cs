using System.Collections.Frozen;

namespace FinOps.Domain.Policy;

/// <summary>A <see cref="TagRequirement"/> prepared for fast evaluation: lookup sets, compiled pattern, messages.</summary>
internal sealed class TagRule
{
    // Up to this many allowed values a linear scan beats hashing the value (typical lists are 3–10 short codes).
    private const int LinearScanLimit = 8;

    private readonly string[]? _allowedList;
    private readonly FrozenSet<string>? _allowedSet;
    private readonly StringComparison _valueComparison;

    public TagRule(TagRequirement requirement, bool required, PolicyRules rules, int slot)
    {
        Requirement = requirement;
        Slot = slot;
        Key = requirement.Key;
        Required = required;
        Severity = required ? requirement.Severity : Severity.Warning;
        _valueComparison = rules.CaseSensitiveValues ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (!requirement.AllowedValues.IsDefaultOrEmpty)
        {
            HasAllowedValues = true;
            if (requirement.AllowedValues.Length <= LinearScanLimit)
            {
                _allowedList = [.. requirement.AllowedValues];
            }
            else
            {
                _allowedSet = requirement.AllowedValues.ToFrozenSet(
                    rules.CaseSensitiveValues ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
            }
        }

        if (requirement.Pattern is not null)
        {
            // A policy built in code rather than read through TaggingPolicyJson may carry a bad pattern: refuse it
            // rather than silently skipping the check.
            Pattern = TagValuePattern.TryCreate(requirement.Pattern, !rules.CaseSensitiveValues, out var pattern, out var error)
                ? pattern
                : throw new InvalidPolicyException([new PolicyValidationError("pattern", Key, error)]);
        }

        AllowedText = HasAllowedValues ? "one of: " + string.Join(", ", requirement.AllowedValues) : null;
        PatternText = Pattern is null ? null : $"the pattern {requirement.Pattern}";
        ExpectedValue = (AllowedText, PatternText) switch
        {
            (null, null) => "any value",
            ({ } a, null) => a,
            (null, { } p) => $"a value matching {p}",
            ({ } a, { } p) => $"{a} (and matching {p})",
        };
        Missing = new TagViolation(ViolationKind.MissingRequiredTag, Key, Severity, null, $"tag '{Key}' with {ExpectedValue}");
        CaseExpected = $"key '{Key}' (exact letter case)";
    }

    public TagRequirement Requirement { get; }

    /// <summary>This rule's index among all of its evaluator's rules (required first, then optional).</summary>
    public int Slot { get; }

    public string Key { get; }
    public bool Required { get; }
    public Severity Severity { get; }
    public bool HasAllowedValues { get; }
    public TagValuePattern? Pattern { get; }
    public string? AllowedText { get; }
    public string? PatternText { get; }
    public string ExpectedValue { get; }
    public string CaseExpected { get; }

    /// <summary>Shared violation for an absent tag (immutable, so one instance serves every resource).</summary>
    public TagViolation Missing { get; }

    /// <summary>Whether the value satisfies <c>allowedValues</c> (an empty value never does when they are given).</summary>
    public bool IsAllowed(string value)
    {
        if (!HasAllowedValues)
        {
            return true;
        }

        if (value.Length == 0)
        {
            return false;
        }

        if (_allowedList is { } list)
        {
            if (_valueComparison == StringComparison.Ordinal)
            {
                foreach (var allowed in list)
                {
                    if (string.Equals(allowed, value))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var allowed in list)
            {
                if (string.Equals(allowed, value, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        return _allowedSet!.Contains(value);
    }

    /// <summary>Whether the value satisfies the pattern as a whole (an empty value never does when one is given).</summary>
    public bool MatchesPattern(string value) =>
        Pattern is not { } pattern || (value.Length > 0 && pattern.IsMatch(value));
}
