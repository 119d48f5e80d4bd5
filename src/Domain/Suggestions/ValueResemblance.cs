using System.Collections.Immutable;

namespace FinOps.Domain.Suggestions;

/// <summary>
/// Allowed values that look like an invalid one: the same in other letter case, spelling or punctuation
/// (<c>Prod</c>, <c>cc-200</c>), an abbreviation (<c>dev</c>) or a small typo. A hint, not proof: someone who typed
/// <c>Prod</c> may still have tagged the wrong stage, so names and neighbours can outweigh it.
/// </summary>
internal static class ValueResemblance
{
    // Measured on the sample account (bench `suggest`), whose mistaken values are drawn without regard to the truth,
    // these hints alone are right about as often as a guess; in real accounts they are better. Kept modest so that
    // they decide between close candidates but never make a suggestion "high" on their own.
    private const double SameSpellingRatio = 3;
    private const double AbbreviationRatio = 2.5;
    private const double TypoRatio = 2;

    /// <summary>Clues for the allowed values that resemble <paramref name="wrong"/>.</summary>
    public static IEnumerable<ValueClue> Of(string wrong, ImmutableArray<string> allowed)
    {
        var normalizedWrong = DeploymentStages.Normalized(wrong);
        foreach (var value in allowed)
        {
            if (normalizedWrong.Length > 0 && normalizedWrong == DeploymentStages.Normalized(value))
            {
                yield return new ValueClue(value, SameSpellingRatio,
                    $"The current value '{wrong}' is the allowed value '{value}' written differently.");
            }
            else if (DeploymentStages.Of(normalizedWrong) is { } stage && DeploymentStages.Spells(value, stage))
            {
                yield return new ValueClue(value, SameSpellingRatio,
                    $"The current value '{wrong}' is another way of writing the allowed value '{value}'.");
            }
            else if (wrong.Length >= 2 && value.StartsWith(wrong, StringComparison.OrdinalIgnoreCase))
            {
                yield return new ValueClue(value, AbbreviationRatio,
                    $"The current value '{wrong}' looks like an abbreviation of the allowed value '{value}'.");
            }
            else if (EditDistance(wrong.ToLowerInvariant(), value.ToLowerInvariant()) is var d && d <= 2 && d < value.Length / 2)
            {
                yield return new ValueClue(value, TypoRatio,
                    $"The current value '{wrong}' is {d} character{(d == 1 ? "" : "s")} away from the allowed value '{value}'.");
            }
        }
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
