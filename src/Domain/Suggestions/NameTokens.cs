using System.Collections.Immutable;

namespace FinOps.Domain.Suggestions;

/// <summary>
/// A resource name cut into lower-case words at every character that is not a letter or digit:
/// <c>/aws/lambda/checkout-prod-cleanup-4</c> → <c>aws lambda checkout prod cleanup 4</c>. Names are how people
/// record what a resource is for, so their words hint at the tags it should carry, and resources whose names start
/// with the same words usually belong together.
/// </summary>
internal static class NameTokens
{
    /// <summary>Leading words compared between names; more rarely adds anything but ids.</summary>
    public const int MaxSharedLeading = 4;

    /// <summary>The words of a name, lower-case; empty when there is none.</summary>
    public static ImmutableArray<string> Of(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return [];
        }

        var words = ImmutableArray.CreateBuilder<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var inWord = i < name.Length && char.IsAsciiLetterOrDigit(name[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(name[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words.ToImmutable();
    }

    /// <summary>
    /// How many leading words <paramref name="name"/> shares with <paramref name="words"/> (at most
    /// <see cref="MaxSharedLeading"/>), compared without allocating: it runs against every resource of a scan.
    /// </summary>
    public static int SharedLeading(ImmutableArray<string> words, string? name)
    {
        if (words.IsDefaultOrEmpty || string.IsNullOrEmpty(name))
        {
            return 0;
        }

        var shared = 0;
        var i = 0;
        while (shared < words.Length && shared < MaxSharedLeading)
        {
            while (i < name.Length && !char.IsAsciiLetterOrDigit(name[i]))
            {
                i++;
            }

            var start = i;
            while (i < name.Length && char.IsAsciiLetterOrDigit(name[i]))
            {
                i++;
            }

            if (i == start || !name.AsSpan(start, i - start).Equals(words[shared], StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            shared++;
        }

        return shared;
    }

    /// <summary>The name up to the end of its <paramref name="count"/>-th word (<c>inventory-stg</c> of <c>inventory-stg-exports-1</c>).</summary>
    public static string Leading(string name, int count)
    {
        var i = 0;
        for (var word = 0; word < count && i < name.Length; word++)
        {
            while (i < name.Length && !char.IsAsciiLetterOrDigit(name[i]))
            {
                i++;
            }

            while (i < name.Length && char.IsAsciiLetterOrDigit(name[i]))
            {
                i++;
            }
        }

        return name[..i];
    }

    /// <summary>
    /// Hashes of the name's first 1, 2, … <see cref="MaxSharedLeading"/> words (lower-case), into
    /// <paramref name="hashes"/>; returns how many it has. Names that start with the same words get the same hashes.
    /// </summary>
    public static int LeadingHashes(string? name, Span<ulong> hashes)
    {
        if (string.IsNullOrEmpty(name))
        {
            return 0;
        }

        var hash = 14695981039346656037UL;
        var count = 0;
        var i = 0;
        while (count < hashes.Length && count < MaxSharedLeading)
        {
            while (i < name.Length && !char.IsAsciiLetterOrDigit(name[i]))
            {
                i++;
            }

            if (i == name.Length)
            {
                break;
            }

            hash = (hash ^ '|') * 1099511628211UL; // word boundary
            while (i < name.Length && char.IsAsciiLetterOrDigit(name[i]))
            {
                hash = (hash ^ char.ToLowerInvariant(name[i])) * 1099511628211UL;
                i++;
            }

            hashes[count++] = hash;
        }

        return count;
    }

    /// <summary>Whether a word is an id or a counter (it has a digit) rather than a word people chose.</summary>
    public static bool IsId(string word) => word.AsSpan().ContainsAnyInRange('0', '9');
}
