using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of suggest_tags.</summary>
public sealed record SuggestionsAnswer(
    string Arn,
    [property: Description("Whether the resource is in a scan result.")] bool Found,
    string? ResourceType,
    string? Region,
    string? Name,
    IReadOnlyList<TagAnswer> Tags,
    IReadOnlyList<TagViolationAnswer> Violations,
    [property: Description("Best first per tag key.")] IReadOnlyList<TagSuggestionAnswer> Suggestions,
    string? ScanId,
    [property: Description("When the scan was collected (when not found: the latest scan looked in).")] DateTimeOffset AsOf,
    string? PolicyHash,
    string? Note);
