namespace FinOps.Domain.Policy;

/// <summary>The snake_case names every front door uses for policy enums.</summary>
public static class WireNames
{
    public static string ToWire(this ViolationKind kind) => kind switch
    {
        ViolationKind.MissingRequiredTag => "missing_required_tag",
        ViolationKind.KeyCaseMismatch => "key_case_mismatch",
        ViolationKind.InvalidValue => "invalid_value",
        ViolationKind.InvalidFormat => "invalid_format",
        ViolationKind.ValueTooLong => "value_too_long",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ToWire(this Severity severity) => severity == Severity.Error ? "error" : "warning";

    /// <summary>All violation kinds by wire name, for parsing filters.</summary>
    public static IReadOnlyList<string> ViolationKinds { get; } =
        [.. Enum.GetValues<ViolationKind>().Select(k => k.ToWire())];

    public static bool TryParseKind(string? text, out ViolationKind kind)
    {
        foreach (var candidate in Enum.GetValues<ViolationKind>())
        {
            if (string.Equals(candidate.ToWire(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool TryParseSeverity(string? text, out Severity severity)
    {
        switch (text?.ToLowerInvariant())
        {
            case "error":
                severity = Severity.Error;
                return true;
            case "warning":
                severity = Severity.Warning;
                return true;
            default:
                severity = default;
                return false;
        }
    }
}
