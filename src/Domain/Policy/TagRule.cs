using System.Collections.Frozen;

namespace FinOps.Domain.Policy;

/// <summary>A <see cref="TagRequirement"/> prepared for fast evaluation: lookup sets, compiled pattern, messages.</summary>
internal sealed class TagRule
{
    public TagRule(TagRequirement requirement, bool required, PolicyRules rules)
    {
        Requirement = requirement;
        Key = requirement.Key;
        Required = required;
        Severity = required ? requirement.Severity : Severity.Warning;
        var comparer = rules.CaseSensitiveValues ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        Allowed = requirement.AllowedValues.IsDefaultOrEmpty ? null : requirement.AllowedValues.ToFrozenSet(comparer);
        if (requirement.Pattern is not null)
        {
            // The policy was validated when it was read, so the pattern compiles.
            TagValuePattern.TryCreate(requirement.Pattern, !rules.CaseSensitiveValues, out var pattern, out _);
            Pattern = pattern;
        }

        AllowedText = Allowed is null ? null : "one of: " + string.Join(", ", requirement.AllowedValues);
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
    public string Key { get; }
    public bool Required { get; }
    public Severity Severity { get; }
    public FrozenSet<string>? Allowed { get; }
    public TagValuePattern? Pattern { get; }
    public string? AllowedText { get; }
    public string? PatternText { get; }
    public string ExpectedValue { get; }
    public string CaseExpected { get; }

    /// <summary>Shared violation for an absent tag (immutable, so one instance serves every resource).</summary>
    public TagViolation Missing { get; }
}
