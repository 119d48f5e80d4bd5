using System.Globalization;
using FinOps.Domain.Suggestions;

namespace FinOps.Bench;

/// <summary>
/// Tallies suggestions against the truth: per tag key, how often the first suggestion is the intended value (a case
/// without any suggestion counts as wrong), and per confidence level, how often a suggestion shown with it is right.
/// </summary>
public sealed class SuggestionScoreboard
{
    private static readonly string[] Levels = ["high", "medium", "low"];

    private readonly SortedDictionary<string, KeyTally> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Shown, int Right, double Stated)> _levels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Shown, int Right, double Stated)> _firstLevels = new(StringComparer.Ordinal);

    /// <summary>Records the suggestions for one tag whose intended value is <paramref name="truth"/>.</summary>
    public void Add(string key, string truth, IReadOnlyList<TagSuggestion> suggestions)
    {
        if (!_keys.TryGetValue(key, out var tally))
        {
            _keys[key] = tally = new KeyTally();
        }

        tally.Cases++;
        if (suggestions.Count > 0)
        {
            tally.Answered++;
        }

        if (suggestions.Count > 0 && suggestions[0].Value == truth)
        {
            tally.FirstRight++;
        }

        if (suggestions.Any(s => s.Value == truth))
        {
            tally.AnyRight++;
        }

        for (var i = 0; i < suggestions.Count; i++)
        {
            Count(_levels, suggestions[i], truth);
            if (i == 0)
            {
                Count(_firstLevels, suggestions[i], truth);
            }
        }
    }

    private static void Count(Dictionary<string, (int Shown, int Right, double Stated)> levels, TagSuggestion suggestion, string truth)
    {
        var (shown, right, stated) = levels.GetValueOrDefault(suggestion.ConfidenceLabel);
        levels[suggestion.ConfidenceLabel] = (shown + 1, right + (suggestion.Value == truth ? 1 : 0), stated + suggestion.Confidence);
    }

    /// <summary>Top-1 accuracy of a key (0 when it had no case).</summary>
    public double TopOne(string key) => _keys.TryGetValue(key, out var t) && t.Cases > 0 ? (double)t.FirstRight / t.Cases : 0;

    /// <summary>How often suggestions shown with a confidence level are right; null when none was shown.</summary>
    public double? Precision(string level) =>
        _levels.TryGetValue(level, out var l) && l.Shown > 0 ? (double)l.Right / l.Shown : null;

    public void Print(TextWriter output)
    {
        output.WriteLine("  tag key              cases  answered   top-1   any of top 3");
        foreach (var (key, t) in _keys)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {key,-18} {t.Cases,7:N0}  {Share(t.Answered, t.Cases),8}  {Share(t.FirstRight, t.Cases),6}  {Share(t.AnyRight, t.Cases),13}"));
        }

        output.WriteLine("  confidence   every suggestion shown: count  right  precision (stated) | first suggestions: count  right  precision (stated)");
        foreach (var level in Levels)
        {
            var (shown, right, stated) = _levels.GetValueOrDefault(level);
            var (first, firstRight, firstStated) = _firstLevels.GetValueOrDefault(level);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {level,-10} {shown,30:N0} {right,6:N0}  {Share(right, shown),9} ({Mean(stated, shown),4}) | {first,25:N0} {firstRight,6:N0}  {Share(firstRight, first),9} ({Mean(firstStated, first),4})"));
        }
    }

    private static string Mean(double sum, int count) =>
        count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{sum / count:0.00}");

    private static string Share(int part, int whole) =>
        whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.0} %");

    private sealed class KeyTally
    {
        public int Cases { get; set; }
        public int Answered { get; set; }
        public int FirstRight { get; set; }
        public int AnyRight { get; set; }
    }
}
