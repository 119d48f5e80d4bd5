using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One tag that changed on a resource.</summary>
public sealed record TagChangeAnswer(
    string Key,
    [property: Description("added, removed or changed.")] string Change,
    [property: Description("The value before; null when added.")] string? Before,
    [property: Description("The value after; null when removed.")] string? After);
