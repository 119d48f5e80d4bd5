using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace FinOps.Domain.Policy;

/// <summary>
/// A policy pattern compiled to match a whole tag value. Uses the non-backtracking engine, so evaluation time is
/// linear in the value whatever the pattern (no regex bombs); patterns that need backtracking-only constructs
/// (look-arounds, back-references) fall back to the backtracking engine with a match timeout.
/// </summary>
public sealed class TagValuePattern
{
    /// <summary>Longest pattern a policy may contain.</summary>
    public const int MaxPatternLength = 512;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    private readonly Regex _regex;

    private TagValuePattern(string source, Regex regex)
    {
        Source = source;
        _regex = regex;
    }

    /// <summary>The pattern as written in the policy.</summary>
    public string Source { get; }

    /// <summary>
    /// Whether the whole value matches. A backtracking pattern that runs out of time counts as no match
    /// (fail closed: the value could not be shown to be valid).
    /// </summary>
    public bool IsMatch(string value)
    {
        try
        {
            return _regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Compiles a pattern, or says why it is not a valid regular expression.</summary>
    public static bool TryCreate(string pattern, bool ignoreCase, [NotNullWhen(true)] out TagValuePattern? compiled,
        [NotNullWhen(false)] out string? error)
    {
        compiled = null;
        if (pattern.Length > MaxPatternLength)
        {
            error = $"the pattern is {pattern.Length} characters long; at most {MaxPatternLength} are accepted";
            return false;
        }

        var anchored = $"^(?:{pattern})\\z";
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            // Validate with the standard parser first so the error text is the familiar one.
            _ = new Regex(pattern, options, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            error = $"'{pattern}' is not a valid regular expression ({ex.Message.TrimEnd('.')})";
            return false;
        }

        try
        {
            compiled = new TagValuePattern(pattern, new Regex(anchored, options | RegexOptions.NonBacktracking));
        }
        catch (NotSupportedException)
        {
            compiled = new TagValuePattern(pattern, new Regex(anchored, options | RegexOptions.Compiled, MatchTimeout));
        }

        error = null;
        return true;
    }
}
