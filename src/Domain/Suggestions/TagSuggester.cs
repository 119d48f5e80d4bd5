using System.Collections.Immutable;
using System.Globalization;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Suggestions;

/// <summary>
/// Suggests values for a resource's missing or invalid tags from what similar resources use — same VPC, same name
/// prefix, same type, same account — keeping only values the scan's policy accepts, each with a confidence and a
/// reason. A key in the wrong letter case gets a rename suggestion; an invalid value that resembles an allowed one
/// (other case, abbreviation, small typo) gets that allowed value.
/// </summary>
public static class TagSuggester
{
    private const int MaxPerKey = 3;

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
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);

        if (violation.CurrentValue is { Length: > 0 } wrong && evaluator.Policy.Find(key) is { AllowedValues.IsDefaultOrEmpty: false } rule)
        {
            foreach (var (value, confidence, why) in Resembling(wrong, rule.AllowedValues))
            {
                candidates[value] = new Candidate { Resemblance = confidence, ResemblanceReason = why };
            }
        }

        var me = resource.Resource;
        var prefix = NamePrefix(me.Name);
        var peers = 0;
        foreach (var peer in result.Resources)
        {
            var other = peer.Resource;
            if (ReferenceEquals(peer, resource) || other.TagValue(key) is not { } value)
            {
                continue;
            }

            var (weight, group) = Similarity(me, other, prefix);
            if (weight == 0 || !IsAccepted(evaluator, other.Type, key, value))
            {
                continue;
            }

            peers++;
            if (!candidates.TryGetValue(value, out var candidate))
            {
                candidates[value] = candidate = new Candidate();
            }

            candidate.Score += weight;
            candidate.Count++;
            candidate.Groups[group] = candidate.Groups.GetValueOrDefault(group) + 1;
        }

        var totalScore = candidates.Values.Sum(c => c.Score);
        return candidates
            .Select(pair => Build(key, pair.Key, pair.Value, totalScore, peers, me))
            .OrderByDescending(s => s.Confidence)
            .ThenBy(s => s.Value, StringComparer.Ordinal)
            .Take(MaxPerKey);
    }

    private static TagSuggestion Build(string key, string value, Candidate c, double totalScore, int peers, CloudResource me)
    {
        // Share of the weighted evidence, damped when few similar resources carry the key at all.
        var share = totalScore == 0 ? 0 : c.Score / totalScore;
        var support = Math.Min(1.0, peers / 5.0);
        var fromPeers = share * (0.5 + 0.5 * support);
        var confidence = Math.Round(Math.Max(fromPeers, c.Resemblance), 2);

        string reason;
        if (c.Count == 0)
        {
            reason = c.ResemblanceReason!;
        }
        else
        {
            var (group, n) = c.Groups.OrderByDescending(g => GroupWeight(g.Key)).First();
            reason = string.Create(CultureInfo.InvariantCulture,
                $"Used by {c.Count} of {peers} similar resource{(peers == 1 ? "" : "s")} that carry '{key}' ({n} {Describe(group, me)}).");
            if (c.ResemblanceReason is not null)
            {
                reason += " " + c.ResemblanceReason;
            }
        }

        return new TagSuggestion(key, value, SuggestionKind.SetValue, confidence, reason);
    }

    private static (double Weight, Similar Group) Similarity(CloudResource me, CloudResource other, string? prefix)
    {
        var sameType = other.Type == me.Type;
        if (sameType && me.VpcId is not null && other.VpcId == me.VpcId)
        {
            return (GroupWeight(Similar.SameVpc), Similar.SameVpc);
        }

        if (sameType && prefix is not null && NamePrefix(other.Name) == prefix)
        {
            return (GroupWeight(Similar.SameNamePrefix), Similar.SameNamePrefix);
        }

        if (sameType)
        {
            return (GroupWeight(Similar.SameType), Similar.SameType);
        }

        return me.Account.Length > 0 && other.Account == me.Account
            ? (GroupWeight(Similar.SameAccount), Similar.SameAccount)
            : (0, Similar.SameAccount);
    }

    private static double GroupWeight(Similar group) => group switch
    {
        Similar.SameVpc => 3,
        Similar.SameNamePrefix => 2,
        Similar.SameType => 1,
        _ => 0.25,
    };

    private static string Describe(Similar group, CloudResource me) => group switch
    {
        Similar.SameVpc => $"in the same VPC {me.VpcId}",
        Similar.SameNamePrefix => $"named like '{NamePrefix(me.Name)}…'",
        Similar.SameType => $"of type {me.Type}",
        _ => "in the same account",
    };

    /// <summary>Allowed values that look like a wrong one: other letter case, abbreviation, or a small typo.</summary>
    private static IEnumerable<(string Value, double Confidence, string Reason)> Resembling(string wrong, ImmutableArray<string> allowed)
    {
        foreach (var value in allowed)
        {
            if (string.Equals(value, wrong, StringComparison.OrdinalIgnoreCase))
            {
                yield return (value, 0.95, $"'{wrong}' is the allowed value '{value}' in other letter case.");
            }
            else if (wrong.Length >= 2 && value.StartsWith(wrong, StringComparison.OrdinalIgnoreCase))
            {
                yield return (value, 0.8, $"'{wrong}' looks like an abbreviation of the allowed value '{value}'.");
            }
            else if (EditDistance(wrong.ToLowerInvariant(), value.ToLowerInvariant()) is var d && d <= 2 && d < value.Length / 2)
            {
                yield return (value, 0.6, $"'{wrong}' is {d} character{(d == 1 ? "" : "s")} away from the allowed value '{value}'.");
            }
        }
    }

    private static bool IsAccepted(PolicyEvaluator evaluator, string type, string key, string value)
    {
        var found = new List<TagViolation>(2);
        evaluator.Evaluate(type, [new Tag(key, value)], found);
        return !found.Any(v => v.TagKey == key && v.Kind is ViolationKind.InvalidValue or ViolationKind.InvalidFormat or ViolationKind.ValueTooLong);
    }

    /// <summary>The leading word of a name ("web" for "web-prod-03"), or null when there is none worth matching.</summary>
    internal static string? NamePrefix(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var end = 0;
        while (end < name.Length && char.IsLetter(name[end]))
        {
            end++;
        }

        return end >= 3 ? name[..end].ToLowerInvariant() : null;
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

    private enum Similar
    {
        SameVpc,
        SameNamePrefix,
        SameType,
        SameAccount,
    }

    private sealed class Candidate
    {
        public double Score { get; set; }
        public int Count { get; set; }
        public double Resemblance { get; set; }
        public string? ResemblanceReason { get; set; }
        public Dictionary<Similar, int> Groups { get; } = [];
    }
}
