namespace FinOps.Domain.Suggestions;

/// <summary>A proposed fix for one tag of one resource.</summary>
/// <param name="TagKey">The policy's key.</param>
/// <param name="Value">The value to set (for a rename, the value the resource already has).</param>
/// <param name="Kind">Set a value or rename the key.</param>
/// <param name="Confidence">0–1: the estimated chance that the value is right, given the evidence in <paramref name="Reason"/>.</param>
/// <param name="Reason">Why: what the name says and which similar resources carry the value.</param>
public sealed record TagSuggestion(string TagKey, string Value, SuggestionKind Kind, double Confidence, string Reason)
{
    /// <summary>Confidence from which a suggestion is "high": such suggestions are right at least 9 times in 10.</summary>
    public const double High = 0.9;

    /// <summary>Confidence from which a suggestion is "medium"; below it, "low".</summary>
    public const double Medium = 0.6;

    /// <summary>
    /// "high" (≥ 0.9), "medium" (≥ 0.6) or "low". The levels are measured against the sample account's truth by
    /// <c>dotnet run -c Release --project bench -- suggest</c>: "high" must be right at least 90 % of the time.
    /// </summary>
    public string ConfidenceLabel => Confidence >= High ? "high" : Confidence >= Medium ? "medium" : "low";
}
