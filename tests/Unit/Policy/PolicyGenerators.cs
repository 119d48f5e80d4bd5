using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FsCheck;
using FsCheck.Fluent;

namespace FinOps.Tests.Unit.Policy;

/// <summary>FsCheck generators of valid policies, values that satisfy them, and resources' tag sets.</summary>
internal static class PolicyGenerators
{
    /// <summary>Tag keys that differ from each other even ignoring case.</summary>
    private static readonly string[] KeyPool =
        ["CostCenter", "Owner", "Environment", "Application", "DataClassification", "Team", "Project", "Service", "Tier", "Budget"];

    /// <summary>Keys that no generated policy uses, in no letter case.</summary>
    public static readonly string[] NoiseKeys = ["Name", "aws:cloudformation:stack-name", "kubernetes.io/cluster/prod", "Contact", "CreatedBy"];

    private static readonly string[] TypeNames = [.. ResourceCatalogue.All.Select(t => t.Name)];

    private static Gen<string> Chars(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.Elements(alphabet.ToCharArray()).ArrayOf(length)
        select new string(chars);

    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    /// <summary>Patterns the policies use, each with a generator of values it matches.</summary>
    private static readonly (string Pattern, Gen<string> Matching)[] Patterns =
    [
        ("[A-Z]{3}-[0-9]+", from a in Chars(Upper, 3, 3) from d in Chars(Digits, 1, 4) select $"{a}-{d}"),
        ("CC-[0-9]{3}", Chars(Digits, 3, 3).Select(d => $"CC-{d}")),
        ("[a-z][a-z0-9-]{1,20}", from h in Chars(Lower, 1, 1) from t in Chars(Lower + Digits + "-", 1, 20) select h + t),
        (@"[^@\s]+@example\.com", Chars(Lower + Digits + ".-_", 1, 16).Select(l => $"{l}@example.com")),
    ];

    /// <summary>A short word usable as a free-form tag value.</summary>
    public static Gen<string> Word { get; } = Chars(Lower + Upper + Digits + "-_", 1, 12);

    /// <summary>A valid policy (it passes the loader) and, per tag, values that satisfy it.</summary>
    public static Gen<PolicyCase> PolicyCases { get; } =
        from keys in Gen.Shuffle(KeyPool)
        from requiredCount in Gen.Choose(0, 6)
        from optionalCount in Gen.Choose(0, 3)
        from caseSensitiveKeys in Gen.Elements(true, false)
        from caseSensitiveValues in Gen.Elements(true, false)
        from maxKeyLength in Gen.Choose(20, 128)
        from maxValueLength in Gen.Choose(64, 256)
        from version in Word
        from required in Gen.CollectToList(keys.Take(requiredCount), k => Tag(k, optional: false))
        from optional in Gen.CollectToList(keys.Skip(requiredCount).Take(optionalCount), k => Tag(k, optional: true))
        select new PolicyCase(
            new TaggingPolicy(version, [.. required.Select(t => t.Requirement)], [.. optional.Select(t => t.Requirement)],
                new PolicyRules(caseSensitiveKeys, caseSensitiveValues, maxKeyLength, maxValueLength)),
            required.Concat(optional).ToImmutableDictionary(t => t.Requirement.Key, t => t.Valid));

    private static Gen<(TagRequirement Requirement, Gen<string> Valid)> Tag(string key, bool optional) =>
        from shape in Gen.Elements("free", "allowed", "pattern", "both")
        from spec in Gen.Elements(Patterns)
        from allowedSource in Gen.Elements(spec.Matching, Word)
        from allowed in shape switch
        {
            "allowed" => allowedSource.NonEmptyListOf().Select(v => v.Distinct().Take(8).ToArray()),
            "both" => spec.Matching.NonEmptyListOf().Select(v => v.Distinct().Take(8).ToArray()),
            _ => Gen.Constant(Array.Empty<string>()),
        }
        from appliesToAll in Gen.Elements(true, false)
        from types in Gen.SubListOf(TypeNames).Where(t => t.Count > 0)
        from severity in optional ? Gen.Constant(Severity.Warning) : Gen.Elements(Severity.Error, Severity.Error, Severity.Warning)
        from description in Gen.Elements<string?>(null, "who pays", "owning team")
        let pattern = shape is "pattern" or "both" ? spec.Pattern : null
        select (
            new TagRequirement(key, description, [.. allowed], pattern, appliesToAll || optional ? [] : [.. types], severity),
            allowed.Length > 0 ? Gen.Elements(allowed) : pattern is not null ? spec.Matching : Word);

    /// <summary>A catalogue type or, now and then, a type the catalogue does not know.</summary>
    public static Gen<string> ResourceTypes { get; } =
        Gen.Frequency((9, Gen.Elements(TypeNames)), (1, Gen.Constant("future:widget")));

    /// <summary>Flips the letter case of some characters.</summary>
    public static Gen<string> CaseVariant(string text) =>
        Gen.Elements(true, false).ArrayOf(text.Length).Select(flips =>
            new string([.. text.Select((c, i) => flips[i] ? (char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)) : c)]));

    /// <summary>Tags that are neither policy keys nor case variants of them.</summary>
    public static Gen<List<Tag>> NoiseTags { get; } =
        from keys in Gen.SubListOf(NoiseKeys)
        from values in Word.ArrayOf(keys.Count)
        select keys.Select((k, i) => new Tag(k, values[i])).ToList();

    /// <summary>
    /// An arbitrary tag set for a policy: per policy key absent, valid, invalid, empty, in another letter case, or in
    /// two other letter cases at once; plus unrelated tags. Keys are unique, as AWS guarantees.
    /// </summary>
    public static Gen<List<Tag>> AnyTags(PolicyCase policyCase)
    {
        var perKey = policyCase.ValidValues.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
            from choice in Gen.Choose(0, 5)
            from valid in kv.Value
            from other in Word
            select choice switch
            {
                0 => new List<Tag>(),
                1 => [new Tag(kv.Key, valid)],
                2 => [new Tag(kv.Key, other)],
                3 => [new Tag(kv.Key, "")],
                4 => [new Tag(kv.Key.ToLowerInvariant(), valid)],
                _ => [new Tag(kv.Key.ToUpperInvariant(), valid), new Tag(kv.Key.ToLowerInvariant(), other)],
            });

        return from groups in Gen.CollectToList(perKey, g => g)
               from noise in NoiseTags
               select groups.SelectMany(g => g).Concat(noise).ToList();
    }
}
