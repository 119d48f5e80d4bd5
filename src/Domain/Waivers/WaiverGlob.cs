using System.Text.RegularExpressions;

namespace FinOps.Domain.Waivers;

/// <summary>
/// A glob over names and tag values: <c>*</c> any run of characters, <c>?</c> one character, everything else literal;
/// matched whole and case-insensitively.
/// </summary>
public sealed class WaiverGlob
{
    /// <summary>Longest pattern accepted.</summary>
    public const int MaxLength = 256;

    private readonly Regex _regex;

    private WaiverGlob(string pattern)
    {
        Pattern = pattern;
        var body = Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal);
        _regex = new Regex($"^{body}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Parses a glob; null with a reason when it is empty, too long or holds control characters.</summary>
    public static WaiverGlob? TryParse(string? text, out string? error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "must not be empty";
            return null;
        }

        if (text.Length > MaxLength)
        {
            error = $"must be at most {MaxLength} characters";
            return null;
        }

        if (text.Any(char.IsControl))
        {
            error = "must not contain control characters";
            return null;
        }

        error = null;
        return new WaiverGlob(text);
    }

    /// <summary>Whether <paramref name="value"/> matches the whole pattern.</summary>
    public bool Matches(string? value) => value is not null && _regex.IsMatch(value);

    public override string ToString() => Pattern;
}
