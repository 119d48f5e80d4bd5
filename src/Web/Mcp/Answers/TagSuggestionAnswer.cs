using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>A proposed fix for one tag.</summary>
public sealed record TagSuggestionAnswer(
    string TagKey,
    [property: Description("The value to set (for a rename, the value the resource already has).")] string Value,
    [property: Description("set_value or rename_key.")] string Kind,
    [property: Description("0–1.")] double Confidence,
    [property: Description("high, medium or low.")] string ConfidenceLabel,
    string Reason);
