using System.Collections.Immutable;
using System.Globalization;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Suggestions;

/// <summary>
/// Suggests values for a resource's missing or invalid tags, each with a confidence — the estimated chance that the
/// value is right — and a reason. The estimate starts from how common each value is in the scan, then weighs:
/// <list type="bullet">
/// <item>its neighbours (<see cref="PeerEvidence"/>): the same CloudFormation stack, names starting with the same
/// words, the same VPC, resources sharing one of its valid tags, its type. How much each kind of neighbour is worth
/// is measured in the scan itself (do resources of one VPC carry one environment here?), and the group most sure of
/// a value speaks for them;</item>
/// <item>its name (<see cref="NameClues"/>): a stage word (<c>stg</c> → <c>staging</c>), the application it starts with;</item>
/// <item>an invalid value that resembles an allowed one (<see cref="ValueResemblance"/>).</item>
/// </list>
/// Only values the scan's policy accepts for the resource's type are ever suggested. A key in the wrong letter case
/// gets a rename suggestion instead. The levels' precision is checked against the sample account's truth by
/// <c>dotnet run -c Release --project bench -- suggest</c>.
/// </summary>
public static class TagSuggester
{
    private const int MaxPerKey = 3;

    /// <summary>Values less likely than one in ten are guesses, not suggestions.</summary>
    private const double MinShown = 0.1;

    /// <summary>Suggestions for every tag the resource breaks, best first per key.</summary>
    public static ImmutableArray<TagSuggestion> Suggest(ComplianceResult result, EvaluatedResource resource)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(resource);
        var evaluator = result.Evaluator;
        var suggestions = new List<TagSuggestion>();
        foreach (var violation in resource.Violations.DistinctBy(v => (v.TagKey, v.Kind)))
        {
            switch (violation.Kind)
            {
                case ViolationKind.KeyCaseMismatch:
                    var current = resource.Resource.Tags.First(t => t.Key == violation.CurrentValue).Value;
                    suggestions.Add(new TagSuggestion(violation.TagKey, current, SuggestionKind.RenameKey, 1.0,
                        $"The key '{violation.CurrentValue}' differs from '{violation.TagKey}' only in letter case; rename it and keep the value."));
                    break;
                case ViolationKind.MissingRequiredTag or ViolationKind.InvalidValue or ViolationKind.InvalidFormat:
                    if (suggestions.Any(s => s.TagKey == violation.TagKey))
                    {
                        break;
                    }

                    suggestions.AddRange(ForKey(result, evaluator, resource, violation));
                    break;
            }
        }

        return [.. suggestions];
    }

    private static IEnumerable<TagSuggestion> ForKey(ComplianceResult result, PolicyEvaluator evaluator,
        EvaluatedResource resource, TagViolation violation)
    {
        var key = violation.TagKey;
        var me = resource.Resource;
        var accepted = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Accepts(string value)
        {
            if (!accepted.TryGetValue(value, out var ok))
            {
                accepted[value] = ok = IsAccepted(evaluator, me.Type, key, value);
            }

            return ok;
        }

        var words = NameTokens.Of(me.Name);
        var (groups, account) = PeerEvidence.Collect(result.Resources, resource, key, words, Accepts);
        var allowed = evaluator.RuleFor(me.Type, key)?.Requirement.AllowedValues ?? [];
        var allowedValues = allowed.IsDefaultOrEmpty ? [] : allowed.Where(Accepts).ToImmutableArray();
        IReadOnlyCollection<string> choices = !allowedValues.IsEmpty ? allowedValues : [.. account.Values];

        var clues = NameClues.For(me.Name, words, key, choices, !allowedValues.IsEmpty, Accepts);
        if (violation.CurrentValue is { Length: > 0 } wrong && !allowedValues.IsEmpty)
        {
            clues.AddRange(ValueResemblance.Of(wrong, allowedValues));
        }

        // Every value anything points at, plus the allowed ones nothing points at (they share the doubt, unshown).
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        candidates.UnionWith(allowedValues);
        candidates.UnionWith(account.Values);
        candidates.UnionWith(clues.Select(c => c.Value).Where(Accepts));
        if (candidates.Count == 0)
        {
            return [];
        }

        // The scan-wide share (add-one smoothed) is the prior. Each group predicts from its members' votes and how
        // closely groups of its kind agree in this scan; the group most sure of a value speaks for the neighbours.
        // Name and resemblance clues then multiply in as likelihood ratios, normalised over every candidate.
        var prior = candidates.ToDictionary(v => v, v => (account.CountOf(v) + 1.0) / (account.Total + candidates.Count), StringComparer.Ordinal);
        var (best, predicted) = groups
            .Select(g => (Group: g, Prediction: g.Predict(prior)))
            .OrderByDescending(x => x.Prediction.Values.Max()).ThenBy(x => x.Group.Rank)
            .FirstOrDefault();

        var weight = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var value in candidates)
        {
            var p = predicted?[value] ?? prior[value];
            foreach (var clue in clues)
            {
                if (clue.Value == value)
                {
                    p *= clue.LikelihoodRatio;
                }
            }

            weight[value] = p;
        }

        var sum = weight.Values.Sum();
        var ranked = weight
            .Where(w => account.CountOf(w.Key) > 0 || clues.Any(c => c.Value == w.Key))
            .Select(w => (Value: w.Key, Probability: w.Value / sum))
            .Where(x => x.Probability >= MinShown)
            .OrderByDescending(x => x.Probability).ThenBy(x => x.Value, StringComparer.Ordinal)
            .Take(MaxPerKey)
            .ToList();

        return ranked
            .Select(x => new TagSuggestion(key, x.Value, SuggestionKind.SetValue, Math.Floor(x.Probability * 100) / 100, // never rounded up into a higher level
                Reason(key, x.Value, best, groups, account, clues)));
    }

    /// <summary>The name clue, the neighbours who carry the value (the deciding group, else the most specific one), and any resemblance.</summary>
    private static string Reason(string key, string value, PeerGroup? best, List<PeerGroup> groups, PeerGroup account, List<ValueClue> clues)
    {
        var parts = new List<string>();
        parts.AddRange(clues.Where(c => c.Value == value).OrderByDescending(c => c.LikelihoodRatio).Select(c => c.Reason));
        var cited = best is not null && best.CountOf(value) > 0 ? best
            : groups.OrderBy(g => g.Rank).FirstOrDefault(g => g.CountOf(value) > 0) ?? (account.CountOf(value) > 0 ? account : null);
        if (cited is not null)
        {
            var count = cited.CountOf(value);
            parts.Add(count == cited.Total
                ? string.Create(CultureInfo.InvariantCulture, $"{(count == 1 ? "The one resource" : $"All {count} resources")} {cited.Description} that carry '{key}' use it.")
                : string.Create(CultureInfo.InvariantCulture, $"Used by {count} of {cited.Total} resources {cited.Description} that carry '{key}'."));
        }

        return parts.Count == 0 ? $"'{value}' is accepted by the policy." : string.Join(' ', parts);
    }

    private static bool IsAccepted(PolicyEvaluator evaluator, string type, string key, string value)
    {
        var found = new List<TagViolation>(2);
        evaluator.Evaluate(type, [new Tag(key, value)], found);
        return !found.Any(v => v.TagKey == key && v.Kind is ViolationKind.InvalidValue or ViolationKind.InvalidFormat or ViolationKind.ValueTooLong);
    }
}
