using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>What an answer's data can be trusted for.</summary>
public sealed record DataQualityAnswer(
    [property: Description("complete, partial (some regions or types failed, or discovery fell back) or failed.")] string Status,
    [property: Description("Sentences for people: failed regions, fallbacks, tagged-only coverage.")] IReadOnlyList<string> Notes,
    [property: Description("Types listed through the tagging API, which only sees resources that have or had a tag.")] IReadOnlyList<string> TaggedOnlyTypes);
