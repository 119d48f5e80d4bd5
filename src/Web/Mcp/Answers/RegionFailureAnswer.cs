using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>A region that could not be scanned.</summary>
public sealed record RegionFailureAnswer(
    string Region,
    [property: Description("Why, safe to show.")] string Reason);
