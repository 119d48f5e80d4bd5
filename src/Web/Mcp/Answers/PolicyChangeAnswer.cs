using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One tag's difference between two policies.</summary>
public sealed record PolicyChangeAnswer(
    [property: Description("added, removed or changed.")] string Kind,
    string TagKey,
    [property: Description("One line per field that differs.")] IReadOnlyList<string> Details);
