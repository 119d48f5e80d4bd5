namespace FinOps.Domain.Suggestions;

/// <summary>A proposed fix for one tag of one resource.</summary>
/// <param name="TagKey">The policy's key.</param>
/// <param name="Value">The value to set (for a rename, the value the resource already has).</param>
/// <param name="Kind">Set a value or rename the key.</param>
/// <param name="Confidence">0–1: how strongly the evidence points at this value.</param>
/// <param name="Reason">Why, in one sentence (which similar resources use it).</param>
public sealed record TagSuggestion(string TagKey, string Value, SuggestionKind Kind, double Confidence, string Reason)
{
    /// <summary>"high" (≥ 0.75), "medium" (≥ 0.4) or "low".</summary>
    public string ConfidenceLabel => Confidence >= 0.75 ? "high" : Confidence >= 0.4 ? "medium" : "low";
}
