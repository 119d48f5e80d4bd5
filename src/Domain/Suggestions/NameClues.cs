using System.Collections.Frozen;
using System.Collections.Immutable;

namespace FinOps.Domain.Suggestions;

/// <summary>
/// What a resource's name says about one of its tags: a stage word (<c>stg</c> → the policy's <c>staging</c>), an
/// allowed value written as a word of the name, or — for an application-like key — the application the name starts
/// with (<c>inventory-stg-exports-1</c> → <c>inventory</c>).
/// </summary>
internal static class NameClues
{
    // How much likelier the name's word is when the value is right than when it is not. Names are set when a resource
    // is created, usually by the template that also sets its tags, so they are strong evidence: perhaps half of the
    // staging resources say "stg" in their names, one in several hundred others does. A stage word outweighs
    // neighbours that merely share an owner or a type (which say "mostly production" of any account) and leaves a
    // unanimous stack or name group in doubt rather than overruled.
    private const double StageWordRatio = 250;
    private const double AllowedWordRatio = 5;
    private const double KnownApplicationFirstRatio = 200;
    private const double KnownApplicationInsideRatio = 50;
    private const double NewApplicationRatio = 200;

    /// <summary>Keys, as one lower-case word, that name the application or service a resource belongs to.</summary>
    private static readonly FrozenSet<string> ApplicationKeys = FrozenSet.Create(StringComparer.Ordinal,
        "application", "app", "applicationname", "appname", "service", "servicename", "workload", "product", "component", "system");

    /// <summary>
    /// Clues from <paramref name="name"/> (cut into <paramref name="words"/>) for <paramref name="key"/>.
    /// <paramref name="choices"/> are the values to match words against: the policy's allowed values, or else the
    /// accepted values other resources carry. <paramref name="accepts"/> says whether the policy accepts a value.
    /// </summary>
    public static List<ValueClue> For(string? name, ImmutableArray<string> words, string key, IReadOnlyCollection<string> choices,
        bool choicesAreAllowedValues, Func<string, bool> accepts)
    {
        var clues = new List<ValueClue>();
        if (name is null || words.IsEmpty)
        {
            return clues;
        }

        AddWordClues(name, words, choices, choicesAreAllowedValues, clues);
        if (clues.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            clues.Clear(); // "prod-to-dev-sync": the name names two stages, so it says nothing about either
        }

        if (!choicesAreAllowedValues && ApplicationKeys.Contains(DeploymentStages.Normalized(key)))
        {
            AddApplicationClue(name, words, choices, accepts, clues);
        }

        return clues;
    }

    private static void AddWordClues(string name, ImmutableArray<string> words, IReadOnlyCollection<string> choices,
        bool choicesAreAllowedValues, List<ValueClue> clues)
    {
        for (var i = 0; i < words.Length; i++)
        {
            var stage = DeploymentStages.At(words, i, out var length);
            var word = string.Join('-', words.Skip(i).Take(length));
            foreach (var value in choices)
            {
                if (stage is not null && DeploymentStages.Spells(value, stage))
                {
                    clues.Add(new ValueClue(value, StageWordRatio, $"The name '{name}' says '{word}', which means {value}."));
                }
                else if (stage is null && choicesAreAllowedValues && word == DeploymentStages.Normalized(value) && !NameTokens.IsId(word))
                {
                    clues.Add(new ValueClue(value, AllowedWordRatio, $"The name '{name}' contains the word '{word}'."));
                }
            }

            i += length - 1;
        }
    }

    /// <summary>
    /// The application a name is about: the longest known application whose words the name starts with (or, less
    /// surely, contains), else the words before the name's stage word when the policy accepts them as a value.
    /// </summary>
    private static void AddApplicationClue(string name, ImmutableArray<string> words, IReadOnlyCollection<string> known,
        Func<string, bool> accepts, List<ValueClue> clues)
    {
        (string Value, int At, int Length)? best = null;
        foreach (var value in known)
        {
            var its = NameTokens.Of(value);
            if (its.IsEmpty || string.Concat(its).Length < 3)
            {
                continue;
            }

            for (var at = 0; at + its.Length <= words.Length; at++)
            {
                if (words.AsSpan(at, its.Length).SequenceEqual(its.AsSpan())
                    && (best is null || at < best.Value.At || (at == best.Value.At && its.Length > best.Value.Length)))
                {
                    best = (value, at, its.Length);
                }
            }
        }

        if (best is { } found)
        {
            clues.Add(found.At == 0
                ? new ValueClue(found.Value, KnownApplicationFirstRatio, $"The name '{name}' starts with '{found.Value}'.")
                : new ValueClue(found.Value, KnownApplicationInsideRatio, $"The name '{name}' contains '{found.Value}'."));
            return;
        }

        for (var i = 1; i < words.Length; i++)
        {
            if (DeploymentStages.At(words, i, out _) is not null)
            {
                var leading = words.Take(i).ToList();
                var value = string.Join('-', leading);
                if (!leading.Any(NameTokens.IsId) && accepts(value))
                {
                    clues.Add(new ValueClue(value, NewApplicationRatio, $"The name '{name}' starts with '{value}' before its stage word."));
                }

                return;
            }
        }
    }
}
