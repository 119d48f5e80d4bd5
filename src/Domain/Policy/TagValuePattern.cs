using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace FinOps.Domain.Policy;

/// <summary>
/// A policy pattern compiled to match a whole tag value. It runs on .NET's non-backtracking engine, so matching
/// time is linear in the value whatever the pattern: no regex bombs, and no match timeout that could fail a valid
/// value on a busy machine. Constructs that need backtracking (look-arounds, back-references, atomic groups,
/// conditionals) are therefore refused when the policy is loaded, naming the tag.
/// </summary>
/// <remarks>
/// Tag values repeat heavily across an account (the same owner e-mail or application name on thousands of
/// resources), so each pattern remembers recent outcomes in two small direct-mapped tables of value references:
/// one of values that matched, one of values that did not. A hit costs a hash and a string comparison instead of a
/// regex run and allocates nothing; a miss runs the regex and stores the resource's own string (no allocation
/// either). Storing a reference is atomic and a string never changes, so concurrent readers can only see a correct
/// outcome or no entry, never a wrong one.
/// </remarks>
public sealed class TagValuePattern
{
    /// <summary>Longest pattern a policy may contain.</summary>
    public const int MaxPatternLength = 512;

    private const int CacheSlots = 1024; // per table; a power of two
    private const int MaxCachedValueLength = 256; // AWS's own value limit; longer values are rare and not kept

    private readonly Regex _regex;
    private readonly string?[] _matching = new string?[CacheSlots];
    private readonly string?[] _failing = new string?[CacheSlots];

    private TagValuePattern(string source, Regex regex)
    {
        Source = source;
        _regex = regex;
    }

    /// <summary>The pattern as written in the policy.</summary>
    public string Source { get; }

    /// <summary>Whether the whole value matches the pattern.</summary>
    public bool IsMatch(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxCachedValueLength)
        {
            return _regex.IsMatch(value);
        }

        var slot = Slot(value);
        if (string.Equals(Volatile.Read(ref _matching[slot]), value, StringComparison.Ordinal))
        {
            return true;
        }

        if (string.Equals(Volatile.Read(ref _failing[slot]), value, StringComparison.Ordinal))
        {
            return false;
        }

        var matched = _regex.IsMatch(value);
        Volatile.Write(ref (matched ? _matching : _failing)[slot], value);
        return matched;
    }

    // A quick non-cryptographic hash over the value's UTF-16 bytes, 8 at a time: several times cheaper than
    // string.GetHashCode for typical values. A collision only costs a regex run, never a wrong answer.
    private static int Slot(string value)
    {
        var bytes = MemoryMarshal.AsBytes(value.AsSpan());
        var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        while (bytes.Length >= 8)
        {
            hash = (hash ^ MemoryMarshal.Read<ulong>(bytes)) * 0xFF51AFD7ED558CCDUL;
            hash ^= hash >> 32;
            bytes = bytes[8..];
        }

        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        hash ^= hash >> 29;
        return (int)(hash & (CacheSlots - 1));
    }

    /// <summary>Compiles a pattern, or says why it is not a valid regular expression.</summary>
    public static bool TryCreate(string pattern, bool ignoreCase, [NotNullWhen(true)] out TagValuePattern? compiled,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        compiled = null;
        if (pattern.Length > MaxPatternLength)
        {
            error = $"the pattern is {pattern.Length} characters long; at most {MaxPatternLength} are accepted";
            return false;
        }

        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            // Validate with the standard parser first so the error text is the familiar one.
            _ = new Regex(pattern, options);
        }
        catch (ArgumentException ex)
        {
            error = $"'{pattern}' is not a valid regular expression ({ex.Message.TrimEnd('.')})";
            return false;
        }

        // Anchored so the pattern must match the whole value, not just a part of it. Linear time by construction,
        // so it runs without a timeout (whatever default the host may have set).
        var anchored = $"^(?:{pattern})\\z";
        try
        {
            compiled = new TagValuePattern(pattern,
                new Regex(anchored, options | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout));
        }
        catch (NotSupportedException ex)
        {
            error = $"'{pattern}' cannot run in linear time ({ex.Message.TrimEnd('.')}); tag patterns may not use look-arounds, back-references, atomic groups or conditionals";
            return false;
        }
        catch (ArgumentException ex)
        {
            // Valid alone but not once anchored, e.g. a trailing "(?x)…#comment" that swallows the closing anchor.
            error = $"'{pattern}' cannot be anchored to match the whole value ({ex.Message.TrimEnd('.')})";
            return false;
        }

        error = null;
        return true;
    }
}
