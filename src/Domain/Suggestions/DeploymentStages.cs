using System.Collections.Frozen;

namespace FinOps.Domain.Suggestions;

/// <summary>
/// The words people use in names for a deployment stage (<c>prod</c>, <c>stg</c>, <c>dev</c>, …), grouped by stage,
/// so a name word can be matched to whichever spelling a policy allows: <c>stg</c> in a name means the policy's
/// <c>staging</c>, or its <c>stage</c>, whichever it lists.
/// </summary>
internal static class DeploymentStages
{
    private static readonly FrozenDictionary<string, string> StageOf = new Dictionary<string, string[]>
    {
        ["production"] = ["production", "prod", "prd", "live", "prodn"],
        ["staging"] = ["staging", "stage", "stg", "stag", "preprod", "preproduction"],
        ["development"] = ["development", "dev", "devel", "develop"],
        ["test"] = ["test", "tst", "testing", "qa"],
        ["sandbox"] = ["sandbox", "sbx"],
    }.SelectMany(stage => stage.Value.Select(word => (Word: word, Stage: stage.Key)))
        .ToFrozenDictionary(x => x.Word, x => x.Stage, StringComparer.OrdinalIgnoreCase);

    /// <summary>The stage a name word stands for, or null when it is no stage word.</summary>
    public static string? Of(string word) => StageOf.GetValueOrDefault(word);

    /// <summary>
    /// The stage of a word of a name, reading <c>pre</c> followed by <c>prod</c> as one word (staging, not production).
    /// </summary>
    public static string? At(IReadOnlyList<string> words, int index, out int length)
    {
        length = 1;
        if (index + 1 < words.Count && words[index] == "pre" && Of(words[index + 1]) == "production")
        {
            length = 2;
            return "staging";
        }

        return Of(words[index]);
    }

    /// <summary>Whether an allowed value of a policy is a spelling of <paramref name="stage"/>.</summary>
    public static bool Spells(string allowedValue, string stage) =>
        Of(Normalized(allowedValue)) is { } its && its == stage;

    /// <summary>A value as one lower-case word (<c>Pre-Prod</c> → <c>preprod</c>).</summary>
    public static string Normalized(string value) =>
        string.Concat(value.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
}
