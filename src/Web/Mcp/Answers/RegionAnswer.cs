using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>A region of the account.</summary>
public sealed record RegionAnswer(
    string Name,
    [property: Description("opt-in-not-required, opted-in or not-opted-in.")] string OptInStatus,
    bool Enabled,
    [property: Description("Not excluded by settings.")] bool Allowed,
    bool IsDefault,
    [property: Description("Covered by a scan without a region filter.")] bool Scanned);
