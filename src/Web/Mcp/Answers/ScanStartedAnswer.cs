using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of start_scan.</summary>
public sealed record ScanStartedAnswer(
    [property: Description("Pass to get_scan_status.")] string ScanId,
    [property: Description("running, or succeeded/partial/failed when answered from the cache.")] string Status,
    [property: Description("A cached scan answers the request (force_refresh was not set).")] bool FromCache,
    IReadOnlyList<string> ResourceTypes,
    [property: Description("Regions being scanned.")] IReadOnlyList<string> Regions,
    DateTimeOffset StartedAt,
    DateTimeOffset AsOf,
    [property: Description("What to do next.")] string Next);
