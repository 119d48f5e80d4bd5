using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>A proposed fix for one tag.</summary>
public sealed record TagSuggestionAnswer(
    string TagKey,
    [property: Description("The value to set (for a rename, the value the resource already has).")] string Value,
    [property: Description("set_value or rename_key.")] string Kind,
    [property: Description("0–1: the estimated chance that the value is right.")] double Confidence,
    [property: Description("high (confidence from 0.9: right at least 9 times in 10), medium (from 0.6) or low.")] string ConfidenceLabel,
    string Reason);
